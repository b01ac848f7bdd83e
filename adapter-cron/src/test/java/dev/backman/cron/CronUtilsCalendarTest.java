package dev.backman.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.contract.CronCalendarContract;
import dev.backman.domain.port.CronCalendar;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CronUtilsCalendarTest extends CronCalendarContract {
    private final CronUtilsCalendar calendar = new CronUtilsCalendar();

    @Override
    protected CronCalendar calendar() {
        return calendar;
    }

    @Test
    void theThirtyFirstSkipsMonthsWithoutOne() {
        assertThat(calendar.nextAfter("0 2 31 * *", LocalDateTime.of(2026, 1, 31, 2, 0)))
                .contains(LocalDateTime.of(2026, 3, 31, 2, 0));
        assertThat(calendar.nextAfter("0 2 31 * *", LocalDateTime.of(2026, 4, 1, 0, 0)))
                .contains(LocalDateTime.of(2026, 5, 31, 2, 0));
    }

    @Test
    void theTwentyNinthOfFebruaryWaitsForALeapYear() {
        assertThat(calendar.nextAfter("0 2 29 2 *", LocalDateTime.of(2026, 3, 1, 0, 0)))
                .contains(LocalDateTime.of(2028, 2, 29, 2, 0));
    }

    @Test
    void stepsListsAndRanges() {
        assertThat(calendar.nextAfter("*/15 * * * *", LocalDateTime.of(2026, 6, 1, 10, 7)))
                .contains(LocalDateTime.of(2026, 6, 1, 10, 15));
        assertThat(calendar.nextAfter("0 8,20 * * *", LocalDateTime.of(2026, 6, 1, 9, 0)))
                .contains(LocalDateTime.of(2026, 6, 1, 20, 0));
        assertThat(calendar.nextAfter("0 2 * * 1-5", LocalDateTime.of(2026, 6, 5, 3, 0))) // a Friday
                .contains(LocalDateTime.of(2026, 6, 8, 2, 0));
    }

    @Test
    void dayNamesAndSundayAsZeroOrSeven() {
        LocalDateTime monday = LocalDateTime.of(2026, 6, 1, 12, 0);
        LocalDateTime nextSunday = LocalDateTime.of(2026, 6, 7, 3, 0);
        assertThat(calendar.nextAfter("0 3 * * SUN", monday)).contains(nextSunday);
        assertThat(calendar.nextAfter("0 3 * * 0", monday)).contains(nextSunday);
        assertThat(calendar.nextAfter("0 3 * * 7", monday)).contains(nextSunday);
    }

    @Test
    void aDayOfMonthAndADayOfWeekMatchWhenEitherDoes() {
        // crontab(5): "0 2 1 * 1" runs on the 1st and on every Monday
        assertThat(calendar.nextAfter("0 2 1 * 1", LocalDateTime.of(2026, 6, 2, 0, 0)))
                .contains(LocalDateTime.of(2026, 6, 8, 2, 0));
        assertThat(calendar.nextAfter("0 2 1 * 1", LocalDateTime.of(2026, 6, 27, 0, 0)))
                .contains(LocalDateTime.of(2026, 6, 29, 2, 0));
    }

    @Test
    void anExpressionThatNeverMatchesIsRefused() {
        assertThat(calendar.problem("0 0 30 2 *")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("never matches"));
        assertThat(calendar.problem("0 0 31 4 *")).isPresent();
        assertThat(calendar.nextAfter("0 0 30 2 *", LocalDateTime.of(2026, 1, 1, 0, 0))).isEmpty();
        assertThat(calendar.problem("0 0 29 2 *")).isEmpty();
    }

    @Test
    void theReasonForAMalformedExpressionShowsTheExpectedForm() {
        assertThat(calendar.problem("bad")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'bad'").contains("minute hour day-of-month month day-of-week"));
        assertThat(calendar.problem("0 2 * *")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("5 fields"));
    }
}
