package dev.backman.domain.port;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Unix cron arithmetic: five fields (minute, hour, day of month, month, day of week, as in {@code crontab(5)}) on
 * wall-clock date-times without a time zone. Time zones, daylight saving time and clock changes are the caller's
 * business, so that every schedule handles them alike.
 */
public interface CronCalendar {

    /**
     * Checks an expression.
     *
     * @param expression a Unix cron expression
     * @return why it is not a valid expression (for a message after "invalid schedule: "), or empty when it is
     */
    Optional<String> problem(String expression);

    /**
     * The first date-time strictly after {@code after} that the expression matches (seconds and nanoseconds zero).
     *
     * @param expression a valid Unix cron expression
     * @param after      the date-time to look after
     * @return the next match, or empty when the expression never matches (e.g. the 30th of February)
     * @throws IllegalArgumentException the expression is not valid (see {@link #problem(String)})
     */
    Optional<LocalDateTime> nextAfter(String expression, LocalDateTime after);
}
