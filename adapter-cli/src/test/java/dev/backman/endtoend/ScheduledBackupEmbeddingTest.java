package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.application.BackupManager;
import dev.backman.application.ScheduledBackups;
import dev.backman.application.ScheduledRun;
import dev.backman.cli.SourceTree;
import dev.backman.cron.CronUtilsCalendar;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import dev.backman.domain.port.ProgressListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A host schedules backups through {@link BackupManager}, built from the adapters' constructors. */
@Timeout(30)
class ScheduledBackupEmbeddingTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void aCronScheduleTakesItsTimesFromTheCronAdapterInTheClocksZone() {
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, BERLIN).toInstant(), BERLIN);
        try (BackupManager manager = manager(clock, true);
             ScheduledBackups schedule = manager.scheduleAutomaticBackup(new Schedule.Cron("0 2 31 * *"),
                     RetryPolicy.DEFAULT, run -> { })) {

            assertThat(schedule.nextRun()).isEqualTo(ZonedDateTime.of(2026, 5, 31, 2, 0, 0, 0, BERLIN));
            assertThat(schedule.schedule().describe()).isEqualTo("cron \"0 2 31 * *\"");
        }
    }

    @Test
    void theSeedsDailyCallStillWorks() {
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, BERLIN).toInstant(), BERLIN);
        try (BackupManager manager = manager(clock, false)) {
            ScheduledBackups daily = manager.scheduleAutomaticBackup("02:30");

            assertThat(daily.nextRun()).isEqualTo(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, BERLIN)); // DST gap
            daily.close();
            assertThat(daily.isRunning()).isFalse();
        }
    }

    @Test
    void withoutACronCalendarACronScheduleIsRefusedNamingWhatToAdd() {
        try (BackupManager manager = manager(Clock.systemDefaultZone(), false)) {
            assertThatThrownBy(() -> manager.scheduleAutomaticBackup(new Schedule.Cron("0 2 * * *"),
                    RetryPolicy.DEFAULT, run -> { }))
                    .isInstanceOfSatisfying(InvalidConfiguration.class,
                            e -> assertThat(e.getMessage()).contains("adapter-cron").contains("CronUtilsCalendar"));
        }
    }

    @Test
    void anIntervalScheduleMakesRealBackupsUntilClosed() throws Exception {
        List<ScheduledRun> runs = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(1);
        try (BackupManager manager = manager(Clock.systemDefaultZone(), false)) {
            ScheduledBackups schedule = manager.scheduleAutomaticBackup(new Schedule.Every(Duration.ofSeconds(1)),
                    RetryPolicy.NONE, run -> {
                        runs.add(run);
                        completed.countDown();
                    });
            assertThat(completed.await(20, TimeUnit.SECONDS)).isTrue();
            schedule.close();
            int made = runs.size();

            assertThat(runs.get(0).completed()).as(String.valueOf(runs.get(0).failure())).isTrue();
            assertThat(manager.listBackups()).hasSize(made)
                    .allSatisfy(b -> assertThat(b.status()).isEqualTo(BackupStatus.COMPLETED));
            assertThat(runs.get(0).backup().backupId()).isEqualTo(manager.listBackups().get(0).backupId());
        }
    }

    private BackupManager manager(Clock clock, boolean withCron) {
        Path repo = dir.resolve("backups");
        BackupConfig config = BackupConfig.defaults()
                .withSourcePaths(List.of(SourceTree.create(dir.resolve("project"))))
                .withBackupLocation(repo.toString());
        return Managers.local(config, clock)
                .listener(ProgressListener.NONE)
                .cronCalendar(withCron ? new CronUtilsCalendar() : null)
                .build();
    }
}
