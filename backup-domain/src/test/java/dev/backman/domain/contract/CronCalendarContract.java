package dev.backman.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.port.CronCalendar;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CronCalendar} must show, on the expressions every implementation supports (fixed
 * minute and hour, every day). An implementation's test extends this class; a full implementation adds its own
 * tests for steps, lists, ranges, days and months.
 */
public abstract class CronCalendarContract {

    /** The implementation under test. */
    protected abstract CronCalendar calendar();

    @Test
    void aDailyExpressionIsValid() {
        assertThat(calendar().problem("0 2 * * *")).isEmpty();
        assertThat(calendar().problem("30 23 * * *")).isEmpty();
    }

    @Test
    void malformedExpressionsAreRefusedWithAReason() {
        for (String bad : new String[] {"bad", "", "0 2 * *", "61 2 * * *", "0 24 * * *", "0 2 * * * * *"}) {
            assertThat(calendar().problem(bad)).as(bad).hasValueSatisfying(
                    reason -> assertThat(reason).isNotBlank());
        }
    }

    @Test
    void nextIsLaterTheSameDayWhenTheTimeIsStillAhead() {
        assertThat(calendar().nextAfter("30 2 * * *", LocalDateTime.of(2026, 3, 29, 1, 15)))
                .contains(LocalDateTime.of(2026, 3, 29, 2, 30));
    }

    @Test
    void nextIsStrictlyAfterEvenAtTheMatchingMinute() {
        assertThat(calendar().nextAfter("30 2 * * *", LocalDateTime.of(2026, 3, 29, 2, 30)))
                .contains(LocalDateTime.of(2026, 3, 30, 2, 30));
        assertThat(calendar().nextAfter("30 2 * * *", LocalDateTime.of(2026, 3, 29, 2, 30, 0, 1)))
                .contains(LocalDateTime.of(2026, 3, 30, 2, 30));
    }

    @Test
    void nextRollsOverMonthAndYearEnds() {
        assertThat(calendar().nextAfter("0 2 * * *", LocalDateTime.of(2026, 2, 28, 3, 0)))
                .contains(LocalDateTime.of(2026, 3, 1, 2, 0));
        assertThat(calendar().nextAfter("0 2 * * *", LocalDateTime.of(2026, 12, 31, 23, 59, 59)))
                .contains(LocalDateTime.of(2027, 1, 1, 2, 0));
    }

    @Test
    void wallClockTimesIgnoreDaylightSavingTime() {
        // 02:30 on 2026-03-29 does not exist in Europe, but the calendar knows no zones: it is a valid wall time
        assertThat(calendar().nextAfter("30 2 * * *", LocalDateTime.of(2026, 3, 29, 0, 0)))
                .contains(LocalDateTime.of(2026, 3, 29, 2, 30));
    }

    @Test
    void nextOfAMalformedExpressionIsRefused() {
        assertThatThrownBy(() -> calendar().nextAfter("bad", LocalDateTime.of(2026, 1, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
