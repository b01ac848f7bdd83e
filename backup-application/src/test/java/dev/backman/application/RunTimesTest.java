package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.Schedule;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RunTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final RunTimes times = new RunTimes(new FakeCronCalendar());

    @Test
    void aDailyTimeSkippedBySpringForwardRunsAtTheShiftedTime() {
        // Berlin, 2026-03-29: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist
        ZonedDateTime next = times.nextAfter(Schedule.DailyAt.parse("02:30"), at(BERLIN, 2026, 3, 29, 0, 0));

        assertThat(next).isEqualTo(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, BERLIN));
        assertThat(next.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        // and the day after, the usual time again
        assertThat(times.nextAfter(Schedule.DailyAt.parse("02:30"), next))
                .isEqualTo(ZonedDateTime.of(2026, 3, 30, 2, 30, 0, 0, BERLIN));
    }

    @Test
    void aCronTimeSkippedBySpringForwardRunsAtTheShiftedTimeInNewYork() {
        // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT
        ZonedDateTime next = times.nextAfter(new Schedule.Cron("15 2 * * *"), at(NEW_YORK, 2026, 3, 8, 1, 0));

        assertThat(next.toLocalDateTime()).isEqualTo(java.time.LocalDateTime.of(2026, 3, 8, 3, 15));
        assertThat(next.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
    }

    @Test
    void aDailyTimeRepeatedByFallBackRunsOnceAtItsFirstOccurrence() {
        // Berlin, 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice
        Schedule daily = Schedule.DailyAt.parse("02:30");
        ZonedDateTime first = times.nextAfter(daily, at(BERLIN, 2026, 10, 25, 0, 0));
        assertThat(first.getOffset()).isEqualTo(ZoneOffset.ofHours(2));

        // the run started a moment after its time: the next is the following day, not 02:30 CET an hour later
        ZonedDateTime next = times.nextAfter(daily, first.plusSeconds(1));
        assertThat(next).isEqualTo(ZonedDateTime.of(2026, 10, 26, 2, 30, 0, 0, BERLIN));
        // a schedule started during the repeated hour, after the first 02:30, waits for the next day too
        ZonedDateTime duringSecondPass = first.plusMinutes(40); // 02:10 CET
        assertThat(duringSecondPass.toLocalTime().toString()).isEqualTo("02:10");
        assertThat(times.nextAfter(daily, duringSecondPass)).isEqualTo(next);
    }

    @Test
    void aCronTimeRepeatedByFallBackRunsOnceInNewYork() {
        // New York, 2026-11-01: 02:00 EDT becomes 01:00 EST, so 01:30 happens twice
        Schedule cron = new Schedule.Cron("30 1 * * *");
        ZonedDateTime first = times.nextAfter(cron, at(NEW_YORK, 2026, 11, 1, 0, 0));
        assertThat(first.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));

        assertThat(times.nextAfter(cron, first.plusSeconds(5)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 2, 1, 30, 0, 0, NEW_YORK));
    }

    @Test
    void anIntervalIsElapsedTimeAcrossDaylightSavingChanges() {
        Schedule hourly = new Schedule.Every(Duration.ofHours(1));
        ZonedDateTime beforeFallBack = ZonedDateTime.of(2026, 11, 1, 1, 30, 0, 0, NEW_YORK)
                .withEarlierOffsetAtOverlap();

        ZonedDateTime next = times.nextAfter(hourly, beforeFallBack);

        assertThat(Duration.between(beforeFallBack, next)).isEqualTo(Duration.ofHours(1));
        assertThat(next.toLocalTime()).isEqualTo(beforeFallBack.toLocalTime()); // 01:30 again, now EST
        ZonedDateTime beforeSpringForward = at(BERLIN, 2026, 3, 29, 1, 30);
        assertThat(times.nextAfter(hourly, beforeSpringForward).toLocalTime().toString()).isEqualTo("03:30");
    }

    @Test
    void dailyTimesRollOverMonthAndYearEnds() {
        Schedule daily = Schedule.DailyAt.parse("02:00");
        assertThat(times.nextAfter(daily, at(BERLIN, 2026, 2, 28, 2, 0)))
                .isEqualTo(at(BERLIN, 2026, 3, 1, 2, 0));
        assertThat(times.nextAfter(daily, at(BERLIN, 2026, 12, 31, 23, 0)))
                .isEqualTo(at(BERLIN, 2027, 1, 1, 2, 0));
    }

    @Test
    void aClockSetBackDoesNotPutOffAnIntervalByMoreThanTheInterval() {
        Schedule every = new Schedule.Every(Duration.ofMinutes(15));
        ZonedDateTime due = at(BERLIN, 2026, 6, 1, 12, 15);
        ZonedDateTime setBack = at(BERLIN, 2026, 6, 1, 11, 5);

        assertThat(times.recheck(every, due, setBack)).isEqualTo(at(BERLIN, 2026, 6, 1, 11, 20));
        assertThat(times.recheck(every, due, at(BERLIN, 2026, 6, 1, 12, 5))).isEqualTo(due);
    }

    @Test
    void aClockSetBackKeepsAWallClockRunAtItsTime() {
        Schedule daily = Schedule.DailyAt.parse("02:00");
        ZonedDateTime tomorrow = at(BERLIN, 2026, 6, 2, 2, 0);

        assertThat(times.recheck(daily, tomorrow, at(BERLIN, 2026, 6, 1, 1, 50))).isEqualTo(tomorrow);
    }

    @Test
    void aCronScheduleWithoutACalendarNamesWhatToAdd() {
        assertThatThrownBy(() -> new RunTimes(null).check(new Schedule.Cron("0 2 * * *")))
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                    assertThat(e.key()).isEqualTo("schedule");
                    assertThat(e.problem()).contains("adapter-cron").contains("cronCalendar");
                });
        assertThat(new RunTimes(null).check(Schedule.DailyAt.parse("02:00"))).isNotNull();
    }

    @Test
    void aMalformedCronExpressionIsRefusedWithTheCalendarsReason() {
        assertThatThrownBy(() -> times.check(new Schedule.Cron("bad")))
                .isInstanceOfSatisfying(InvalidConfiguration.class,
                        e -> assertThat(e.problem()).contains("'bad'"));
    }

    private static ZonedDateTime at(ZoneId zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone);
    }
}
