package dev.backman.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void dailyTimesParseInTwentyFourHourForm() {
        assertThat(Schedule.DailyAt.parse("02:00").time()).isEqualTo(LocalTime.of(2, 0));
        assertThat(Schedule.DailyAt.parse(" 2:05 ").time()).isEqualTo(LocalTime.of(2, 5));
        assertThat(Schedule.DailyAt.parse("23:59").time()).isEqualTo(LocalTime.of(23, 59));
    }

    @Test
    void malformedDailyTimesNameTheSchedule() {
        for (String bad : new String[] {"24:00", "25:00", "2pm", "02:60", "", "0200", "02:00:00", null}) {
            assertThatThrownBy(() -> Schedule.DailyAt.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                        assertThat(e.key()).isEqualTo("schedule");
                        assertThat(e.problem()).contains("HH:MM");
                    });
        }
    }

    @Test
    void dailyNextIsTodayWhileAheadAndTomorrowOnceReached() {
        Schedule.DailyAt at = Schedule.DailyAt.parse("02:00");
        assertThat(at.nextAfter(LocalDateTime.of(2026, 11, 29, 1, 59, 59)))
                .isEqualTo(LocalDateTime.of(2026, 11, 29, 2, 0));
        assertThat(at.nextAfter(LocalDateTime.of(2026, 11, 29, 2, 0)))
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 2, 0));
        assertThat(at.nextAfter(LocalDateTime.of(2026, 12, 31, 23, 0)))
                .isEqualTo(LocalDateTime.of(2027, 1, 1, 2, 0));
    }

    @Test
    void intervalsOfLessThanOneSecondAreRefused() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5)}) {
            assertThatThrownBy(() -> new Schedule.Every(bad)).as(bad.toString())
                    .isInstanceOfSatisfying(InvalidConfiguration.class,
                            e -> assertThat(e.problem()).contains("at least 1s"));
        }
    }

    @Test
    void emptyCronExpressionsAreRefused() {
        assertThatThrownBy(() -> new Schedule.Cron("  ")).isInstanceOf(InvalidConfiguration.class);
        assertThat(new Schedule.Cron(" 0 2 * * * ").expression()).isEqualTo("0 2 * * *");
    }

    @Test
    void schedulesDescribeThemselvesAsTyped() {
        assertThat(Schedule.DailyAt.parse("2:00").describe()).isEqualTo("daily at 02:00");
        assertThat(new Schedule.Every(Duration.ofMinutes(90)).describe()).isEqualTo("every 1h30m");
        assertThat(new Schedule.Every(Duration.ofSeconds(1)).describe()).isEqualTo("every 1s");
        assertThat(new Schedule.Cron("0 2 * * *").describe()).isEqualTo("cron \"0 2 * * *\"");
    }

    @Test
    void retryPolicyRefusesNegativeValuesNamingTheKey() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO)).isInstanceOfSatisfying(
                InvalidConfiguration.class, e -> assertThat(e.key()).isEqualTo("retry.times"));
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(-1))).isInstanceOfSatisfying(
                InvalidConfiguration.class, e -> assertThat(e.key()).isEqualTo("retry.after"));
        assertThat(RetryPolicy.DEFAULT.describe()).isEqualTo("2 retries, 5m apart");
        assertThat(new RetryPolicy(1, Duration.ofSeconds(30)).describe()).isEqualTo("1 retry after 30s");
        assertThat(RetryPolicy.NONE.describe()).isEqualTo("no retry");
    }
}
