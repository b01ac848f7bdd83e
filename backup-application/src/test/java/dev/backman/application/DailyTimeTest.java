package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DailyTimeTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void nextRunIsTodayWhenStillAhead() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 29, 1, 0, 0, 0, PARIS);
        assertThat(DailyTime.parse("02:00").nextAfter(now)).isEqualTo(now.withHour(2));
    }

    @Test
    void nextRunIsTomorrowWhenPassed() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 30, 2, 0, 0, 0, PARIS);
        assertThat(DailyTime.parse("02:00").nextAfter(now))
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 2, 0, 0, 0, PARIS));
    }

    @Test
    void aTimeSkippedBySpringForwardRunsAtTheShiftedTime() {
        // 2026-03-29 02:30 does not exist in Paris: clocks jump from 02:00 to 03:00
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, PARIS);
        assertThat(DailyTime.parse("02:30").nextAfter(now).toLocalTime().toString()).isEqualTo("03:30");
    }

    @Test
    void rejectsMalformedTimes() {
        for (String bad : new String[] {"24:00", "2pm", "02:60", "", "0200"}) {
            assertThatThrownBy(() -> DailyTime.parse(bad)).isInstanceOf(InvalidConfiguration.class)
                    .hasMessageContaining("schedule");
        }
    }
}
