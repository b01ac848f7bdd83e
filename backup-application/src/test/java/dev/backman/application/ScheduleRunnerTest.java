package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.error.RepositoryLocked;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import dev.backman.domain.port.ProgressListener;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The schedule's loop on a fake clock whose sleeps pass instantly: days of a schedule in one test. */
class ScheduleRunnerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final List<ScheduledRun> runs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void onWarning(String message) {
            warnings.add(message);
        }
    };

    @Test
    void aDailyScheduleRunsOnceADayAtItsTime() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        run(Schedule.DailyAt.parse("02:00"), RetryPolicy.NONE, time, this::backup, at(2026, 6, 4, 12, 0));

        assertThat(starts()).containsExactly(at(2026, 6, 2, 2, 0), at(2026, 6, 3, 2, 0), at(2026, 6, 4, 2, 0));
        assertThat(runs).allSatisfy(run -> assertThat(run.completed()).isTrue());
        assertThat(runs.get(0).nextRun()).isEqualTo(at(2026, 6, 3, 2, 0));
    }

    @Test
    void waitsInStepsOfAtMostAMinuteSoThatASuspendIsNoticed() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 1, 0));
        run(Schedule.DailyAt.parse("02:00"), RetryPolicy.NONE, time, this::backup, at(2026, 6, 1, 2, 30));

        assertThat(time.longestSleep()).isEqualTo(ScheduleRunner.LONGEST_WAIT);
        assertThat(starts()).containsExactly(at(2026, 6, 1, 2, 0));
    }

    @Test
    void runsMissedWhileTheMachineSleptRunOnceOnWakeThenTheScheduleGoesOn() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        time.suspendDuringNextSleep(Duration.ofDays(3).plusHours(6).minusMinutes(1)); // wakes 06-04 18:00: 3 missed

        run(Schedule.DailyAt.parse("02:00"), RetryPolicy.NONE, time, this::backup, at(2026, 6, 6, 0, 0));

        assertThat(starts()).containsExactly(at(2026, 6, 4, 18, 0), at(2026, 6, 5, 2, 0));
        assertThat(runs.get(0).scheduledFor()).isEqualTo(at(2026, 6, 2, 2, 0));
    }

    @Test
    void missedIntervalsRunOnceOnWakeAndCountFromThatRun() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        time.suspendDuringNextSleep(Duration.ofHours(5).minusMinutes(1)); // wakes at 17:00

        run(new Schedule.Every(Duration.ofHours(1)), RetryPolicy.NONE, time, this::backup, at(2026, 6, 1, 19, 30));

        assertThat(starts()).containsExactly(at(2026, 6, 1, 17, 0), at(2026, 6, 1, 18, 0), at(2026, 6, 1, 19, 0));
    }

    @Test
    void aClockSetBackAfterARunDoesNotRunItAgain() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 1, 0));
        Supplier<BackupMetadata> setsClockBack = () -> {
            BackupMetadata made = backup(time).get();
            if (runs.isEmpty()) {
                time.set(at(2026, 6, 1, 1, 45)); // e.g. NTP corrects a clock that ran fast
            }
            return made;
        };

        run(Schedule.DailyAt.parse("02:00"), RetryPolicy.NONE, time, t -> setsClockBack, at(2026, 6, 2, 12, 0));

        assertThat(starts()).containsExactly(at(2026, 6, 1, 2, 0), at(2026, 6, 2, 2, 0));
    }

    @Test
    void aClockSetForwardPastARunStartsItAtOnce() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 1, 0));
        time.suspendDuringNextSleep(Duration.ofHours(3)); // the same as a clock set forward: the wall clock jumps

        run(Schedule.DailyAt.parse("02:00"), RetryPolicy.NONE, time, this::backup, at(2026, 6, 1, 12, 0));

        assertThat(starts()).containsExactly(at(2026, 6, 1, 4, 1));
    }

    @Test
    void aDailyScheduleRunsOnceOnBothDaylightSavingDays() {
        FakeTime time = new FakeTime(at(2026, 3, 28, 12, 0));
        run(Schedule.DailyAt.parse("02:30"), RetryPolicy.NONE, time, this::backup, at(2026, 3, 30, 12, 0));
        assertThat(starts()).containsExactly(at(2026, 3, 29, 3, 30), at(2026, 3, 30, 2, 30));

        runs.clear();
        time = new FakeTime(at(2026, 10, 24, 12, 0));
        run(Schedule.DailyAt.parse("02:30"), RetryPolicy.NONE, time, this::backup, at(2026, 10, 26, 12, 0));
        assertThat(starts()).hasSize(2);
        assertThat(starts().get(0).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2026-10-25T02:30:00+02:00"));
        assertThat(starts().get(1)).isEqualTo(at(2026, 10, 26, 2, 30));
    }

    @Test
    void intervalsAreSpacedFromTheStartOfEachRun() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        Supplier<BackupMetadata> takesTwoMinutes = () -> {
            time.advance(Duration.ofMinutes(2));
            return metadata();
        };

        run(new Schedule.Every(Duration.ofMinutes(10)), RetryPolicy.NONE, time, t -> takesTwoMinutes,
                at(2026, 6, 1, 12, 35));

        assertThat(starts()).containsExactly(at(2026, 6, 1, 12, 10), at(2026, 6, 1, 12, 20), at(2026, 6, 1, 12, 30));
        assertThat(runs.get(0).duration()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aRunLongerThanTheIntervalIsFollowedRightAfterOnceAndNeverOverlapped() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        Supplier<BackupMetadata> firstTakesAlmostFourIntervals = () -> {
            time.advance(runs.isEmpty() ? Duration.ofMinutes(35) : Duration.ofMinutes(1));
            return metadata();
        };

        run(new Schedule.Every(Duration.ofMinutes(10)), RetryPolicy.NONE, time, t -> firstTakesAlmostFourIntervals,
                at(2026, 6, 1, 13, 0));

        // 12:10 ran until 12:45; 12:20, 12:30 and 12:40 were missed: one run right after, then every 10 minutes
        assertThat(starts()).startsWith(at(2026, 6, 1, 12, 10), at(2026, 6, 1, 12, 45), at(2026, 6, 1, 12, 55));
        for (int i = 1; i < runs.size(); i++) {
            ScheduledRun before = runs.get(i - 1);
            assertThat(runs.get(i).startedAt()).isAfterOrEqualTo(before.startedAt().plus(before.duration()));
        }
    }

    @Test
    void aFailedRunIsRetriedAsConfiguredAndTheScheduleGoesOn() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        int[] calls = {0};
        Supplier<BackupMetadata> failsThreeTimes = () -> {
            if (++calls[0] <= 3) {
                throw new RepositoryLocked("/repo", "backup by pid 42 on host");
            }
            return metadata();
        };

        run(Schedule.DailyAt.parse("02:00"), new RetryPolicy(2, Duration.ofMinutes(5)), time, t -> failsThreeTimes,
                at(2026, 6, 3, 12, 0));

        assertThat(starts()).containsExactly(at(2026, 6, 2, 2, 0), at(2026, 6, 2, 2, 5), at(2026, 6, 2, 2, 10),
                at(2026, 6, 3, 2, 0));
        assertThat(runs).extracting(ScheduledRun::attempt).containsExactly(1, 2, 3, 1);
        assertThat(runs).extracting(ScheduledRun::retrying).containsExactly(true, true, false, false);
        assertThat(runs.get(0).failure()).contains("pid 42");
        assertThat(runs.get(0).nextRun()).isEqualTo(at(2026, 6, 2, 2, 5));
        assertThat(runs.get(2).nextRun()).isEqualTo(at(2026, 6, 3, 2, 0));
        assertThat(runs.get(3).completed()).isTrue();
    }

    @Test
    void unexpectedErrorsAreFailuresTooAndARetryStopsAtTheFirstSuccess() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        int[] calls = {0};
        Supplier<BackupMetadata> failsOnce = () -> {
            if (++calls[0] == 1) {
                throw new IllegalStateException("disk on fire");
            }
            return metadata();
        };

        run(Schedule.DailyAt.parse("02:00"), new RetryPolicy(5, Duration.ofMinutes(1)), time, t -> failsOnce,
                at(2026, 6, 2, 12, 0));

        assertThat(runs).extracting(ScheduledRun::attempt).containsExactly(1, 2);
        assertThat(runs.get(0).failure()).contains("unexpected error").contains("disk on fire");
        assertThat(runs.get(1).completed()).isTrue();
        assertThat(runs.get(1).nextRun()).isEqualTo(at(2026, 6, 3, 2, 0));
    }

    @Test
    void aRetryThatWouldComeAfterTheNextRegularRunIsLeftToIt() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        Supplier<BackupMetadata> alwaysFails = () -> {
            throw new IllegalStateException("no");
        };

        run(new Schedule.Every(Duration.ofMinutes(10)), new RetryPolicy(3, Duration.ofMinutes(10)), time,
                t -> alwaysFails, at(2026, 6, 1, 12, 35));

        assertThat(starts()).containsExactly(at(2026, 6, 1, 12, 10), at(2026, 6, 1, 12, 20), at(2026, 6, 1, 12, 30));
        assertThat(runs).extracting(ScheduledRun::retrying).containsOnly(false);
    }

    @Test
    void anObserverThatThrowsDoesNotStopTheSchedule() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        ScheduleRunner runner = new ScheduleRunner(new Schedule.Every(Duration.ofMinutes(1)),
                new RunTimes(null), time, time, RetryPolicy.NONE, backup(time), run -> {
                    runs.add(run);
                    throw new IllegalStateException("observer bug");
                }, listener);
        time.endAt(at(2026, 6, 1, 12, 3).plusSeconds(30), runner);

        runner.run();

        assertThat(runs).hasSize(3);
        assertThat(warnings).hasSize(3).allSatisfy(w -> assertThat(w).contains("observer bug"));
    }

    @Test
    void aCronScheduleRunsThroughThePort() {
        FakeTime time = new FakeTime(at(2026, 6, 1, 12, 0));
        ScheduleRunner runner = new ScheduleRunner(new Schedule.Cron("15 3 * * *"),
                new RunTimes(new FakeCronCalendar()), time, time, RetryPolicy.NONE, backup(time), runs::add,
                listener);
        time.endAt(at(2026, 6, 3, 0, 0), runner);

        runner.run();

        assertThat(starts()).containsExactly(at(2026, 6, 2, 3, 15));
    }

    private void run(Schedule schedule, RetryPolicy retry, FakeTime time,
                     java.util.function.Function<FakeTime, Supplier<BackupMetadata>> backup, ZonedDateTime end) {
        ScheduleRunner runner = new ScheduleRunner(schedule, new RunTimes(new FakeCronCalendar()), time, time, retry,
                backup.apply(time), runs::add, listener);
        time.endAt(end, runner);
        runner.run();
    }

    /** A backup that takes one second. */
    private Supplier<BackupMetadata> backup(FakeTime time) {
        return () -> {
            time.advance(Duration.ofSeconds(1));
            return metadata();
        };
    }

    private List<ZonedDateTime> starts() {
        return runs.stream().map(ScheduledRun::startedAt).toList();
    }

    private static BackupMetadata metadata() {
        return BackupMetadata.pending("b", OffsetDateTime.parse("2026-06-01T00:00:00Z"), List.of("/src"),
                CompressionType.ZIP);
    }

    private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN);
    }
}
