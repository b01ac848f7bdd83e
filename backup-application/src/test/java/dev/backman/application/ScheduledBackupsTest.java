package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import dev.backman.domain.port.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handle of a running schedule, on its own thread. */
@Timeout(30)
class ScheduledBackupsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final List<ScheduledRun> runs = new CopyOnWriteArrayList<>();

    @Test
    void theNextRunIsKnownAtOnceAndCloseEndsAWaitingScheduleAtOnce() {
        ZonedDateTime now = ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, BERLIN);
        Clock clock = Clock.fixed(now.toInstant(), BERLIN);
        ScheduledBackups schedule = ScheduledBackups.start(new ScheduleRunner(Schedule.DailyAt.parse("02:00"),
                new RunTimes(null), clock, Sleeper.wakeable(), RetryPolicy.DEFAULT, () -> {
                    throw new AssertionError("must not run");
                }, runs::add, ProgressListener.NONE));

        assertThat(schedule.nextRun()).isEqualTo(ZonedDateTime.of(2026, 6, 2, 2, 0, 0, 0, BERLIN));
        assertThat(schedule.isRunning()).isTrue();
        long started = System.nanoTime();
        schedule.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(schedule.isRunning()).isFalse();
        assertThat(runs).isEmpty();
    }

    @Test
    void closeLetsARunningBackupFinishAndStartsNoOther() throws Exception {
        FakeTime time = new FakeTime(ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, BERLIN));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger backups = new AtomicInteger();
        ScheduledBackups schedule = ScheduledBackups.start(new ScheduleRunner(
                new Schedule.Every(Duration.ofSeconds(1)), new RunTimes(null), time, time, RetryPolicy.NONE, () -> {
                    backups.incrementAndGet();
                    running.countDown();
                    await(release);
                    return metadata();
                }, runs::add, ProgressListener.NONE));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(schedule::close);
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("close waits for the running backup").isTrue();

        release.countDown();
        closer.join();
        assertThat(schedule.isRunning()).isFalse();
        assertThat(backups).hasValue(1);
        assertThat(runs).singleElement().satisfies(run -> assertThat(run.completed()).isTrue());
    }

    @Test
    void anObserverMayCloseItsOwnSchedule() throws Exception {
        FakeTime time = new FakeTime(ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, BERLIN));
        ScheduledBackups[] handle = new ScheduledBackups[1];
        CountDownLatch created = new CountDownLatch(1);
        handle[0] = ScheduledBackups.start(new ScheduleRunner(new Schedule.Every(Duration.ofMinutes(1)),
                new RunTimes(null), time, time, RetryPolicy.NONE, ScheduledBackupsTest::metadata, run -> {
                    runs.add(run);
                    await(created);
                    handle[0].close();
                }, ProgressListener.NONE));
        created.countDown();

        handle[0].awaitStop();

        assertThat(runs).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BackupMetadata metadata() {
        return BackupMetadata.pending("b", OffsetDateTime.parse("2026-06-01T00:00:00Z"), List.of("/src"),
                CompressionType.ZIP);
    }
}
