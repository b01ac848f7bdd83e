package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.port.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running schedule of automatic backups. Each run is scheduled from the clock once the previous one ended, so
 * runs never overlap; a failed run is reported to the listener and the schedule goes on. Close to stop.
 */
public final class ScheduledBackups implements AutoCloseable {
    private final DailyTime at;
    private final Clock clock;
    private final Runnable backup;
    private final ProgressListener listener;
    private final ScheduledExecutorService executor;
    private volatile ZonedDateTime nextRun;

    private ScheduledBackups(DailyTime at, Clock clock, Runnable backup, ProgressListener listener) {
        this.at = at;
        this.clock = clock;
        this.backup = backup;
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backman-schedule");
            t.setDaemon(true);
            return t;
        });
    }

    static ScheduledBackups daily(DailyTime at, Clock clock, Runnable backup, ProgressListener listener) {
        ScheduledBackups schedule = new ScheduledBackups(at, clock, backup, listener);
        schedule.scheduleNext();
        return schedule;
    }

    /** When the next backup will start. */
    public ZonedDateTime nextRun() {
        return nextRun;
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        nextRun = at.nextAfter(now);
        long delayMillis = Math.max(0, Duration.between(now, nextRun).toMillis());
        executor.schedule(this::runOnce, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            backup.run();
        } catch (BackupException e) {
            listener.onWarning("scheduled backup failed: " + e.getMessage());
        } catch (RuntimeException e) {
            listener.onWarning("scheduled backup failed: " + e);
        } finally {
            if (!executor.isShutdown()) {
                scheduleNext();
            }
        }
    }

    /** Stops the schedule; a backup that is running finishes first. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
