package dev.backman.application;

import dev.backman.domain.model.Schedule;
import java.time.ZonedDateTime;

/**
 * A running schedule of automatic backups, on a thread of its own: runs never overlap, a failed run is retried as
 * its {@link dev.backman.domain.model.RetryPolicy} says and never stops the schedule, and every run is reported to
 * the {@link ScheduleObserver}. Close it to stop; close it before the {@link BackupManager}.
 */
public final class ScheduledBackups implements AutoCloseable {
    private final ScheduleRunner runner;
    private final Thread thread;

    private ScheduledBackups(ScheduleRunner runner) {
        this.runner = runner;
        this.thread = new Thread(runner::run, "backman-schedule");
        thread.setDaemon(true); // a host that forgets to close does not hang at exit
    }

    static ScheduledBackups start(ScheduleRunner runner) {
        ScheduledBackups schedule = new ScheduledBackups(runner);
        schedule.thread.start();
        return schedule;
    }

    /**
     * The schedule this runs.
     *
     * @return the schedule
     */
    public Schedule schedule() {
        return runner.schedule();
    }

    /**
     * When the next backup is due: the next regular run, or the retry of a run that failed.
     *
     * @return the time, in the zone of the manager's clock (the system's by default); after {@link #close()}, the
     *     time it would have run
     */
    public ZonedDateTime nextRun() {
        return runner.nextRun();
    }

    /**
     * Whether the schedule still runs.
     *
     * @return false once it was closed
     */
    public boolean isRunning() {
        return thread.isAlive() && !runner.stopped();
    }

    /**
     * Waits until the schedule has stopped: closed by another thread (a signal handler, say).
     *
     * @throws InterruptedException the waiting thread was interrupted; the schedule keeps running
     */
    public void awaitStop() throws InterruptedException {
        thread.join();
    }

    /**
     * Stops the schedule and waits until it has stopped. A backup that is running is not cut short: it completes (or
     * fails and cleans up) first, so stopping never leaves a partial backup. Waiting for a run or a retry ends at
     * once. Idempotent; from the schedule's own thread (an observer) it stops without waiting.
     */
    @Override
    public void close() {
        runner.stop();
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: returning early would let the host close the manager mid-backup
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
