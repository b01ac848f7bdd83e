package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import dev.backman.domain.port.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * The loop of a schedule, on one thread (so runs never overlap): wait until the next run is due, run it (retrying a
 * failure as the policy says), compute the next run, again, until stopped.
 *
 * <p>The next run is computed up front, as a time on the clock. Waiting for it is done in steps of at most
 * {@link #LONGEST_WAIT}, looking at the clock after each: a timed wait runs on the monotonic clock, which stands still
 * while the machine is suspended and ignores changes of the wall clock, so one long wait could end hours late. With
 * short steps a run missed during a suspend starts at most a minute after the machine wakes, and a clock set forward
 * past a run starts it at once. This is not polling for work: nothing is computed on these wake-ups.
 *
 * <p>When the clock shows that one or more runs were missed (the machine slept, a run lasted longer than the
 * interval), the schedule runs once, then computes the next run from that run's start.
 */
final class ScheduleRunner {
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    private final Schedule schedule;
    private final RunTimes times;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    private final Supplier<BackupMetadata> backup;
    private final ScheduleObserver observer;
    private final ProgressListener listener;
    private volatile ZonedDateTime nextRun;
    private volatile boolean stopped;

    ScheduleRunner(Schedule schedule, RunTimes times, Clock clock, Sleeper sleeper, RetryPolicy retry,
                   Supplier<BackupMetadata> backup, ScheduleObserver observer, ProgressListener listener) {
        this.schedule = times.check(schedule);
        this.times = times;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retry = retry;
        this.backup = backup;
        this.observer = observer;
        this.listener = listener;
        this.nextRun = times.nextAfter(schedule, now());
    }

    Schedule schedule() {
        return schedule;
    }

    /** When the next run (or retry) is due. */
    ZonedDateTime nextRun() {
        return nextRun;
    }

    /** Runs the schedule in the calling thread until {@link #stop()}. */
    void run() {
        while (waitUntilDue()) {
            runDue(nextRun);
        }
    }

    /** Ends the loop: at once when it waits, after the backup when one runs. Safe from any thread. */
    void stop() {
        stopped = true;
        sleeper.wake();
    }

    boolean stopped() {
        return stopped;
    }

    /** Runs the due run and its retries; leaves {@link #nextRun} at the next regular run. */
    private void runDue(ZonedDateTime due) {
        ZonedDateTime firstStart = null;
        for (int attempt = 1; ; attempt++) {
            ZonedDateTime start = now();
            firstStart = firstStart == null ? start : firstStart;
            BackupMetadata made = null;
            String failure = null;
            try {
                made = backup.get();
            } catch (BackupException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "unexpected error: " + e;
            }
            ZonedDateTime end = now();
            // spaced from the start of the regular run; a retry does not move the schedule
            ZonedDateTime regular = times.nextAfter(schedule, firstStart);
            ZonedDateTime retryAt = end.plus(retry.after());
            boolean retrying = failure != null && attempt <= retry.times() && retryAt.isBefore(regular);
            nextRun = retrying ? retryAt : regular;
            report(new ScheduledRun(due, start, Duration.between(start, end), attempt, made, failure, nextRun,
                    retrying));
            if (!retrying || !waitUntilDue()) {
                return;
            }
        }
    }

    /** Waits until {@link #nextRun} is due; false when stopped first. */
    private boolean waitUntilDue() {
        while (!stopped) {
            ZonedDateTime now = now();
            nextRun = times.recheck(schedule, nextRun, now);
            if (!now.isBefore(nextRun)) {
                return true;
            }
            Duration left = Duration.between(now, nextRun);
            try {
                sleeper.sleep(left.compareTo(LONGEST_WAIT) < 0 ? left : LONGEST_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        return false;
    }

    private void report(ScheduledRun run) {
        try {
            observer.onRun(run);
        } catch (RuntimeException e) {
            listener.onWarning("the schedule's observer failed: " + e);
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }
}
