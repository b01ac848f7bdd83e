package dev.backman.cron;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.backman.domain.port.CronCalendar;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@link CronCalendar} on cron-utils with its Unix definition ({@code crontab(5)}: five fields, ranges, lists, steps,
 * month and day names; a restricted day of month and day of week match when either does). The arithmetic runs in UTC,
 * which has no daylight saving time, so it is pure wall-clock arithmetic; the schedule places the result in its zone.
 */
public final class CronUtilsCalendar implements CronCalendar {
    private static final String FORM = "minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\"";
    private static final LocalDateTime ANY_LEAP_YEAR = LocalDateTime.of(2000, 1, 1, 0, 0);
    private final CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** A calendar for Unix cron expressions. */
    public CronUtilsCalendar() {
        // the parser is immutable and thread-safe
    }

    @Override
    public Optional<String> problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("a cron expression must not be empty (" + FORM + ")");
        }
        try {
            if (nextAfter(expression, ANY_LEAP_YEAR).isEmpty()) {
                return Optional.of("'" + expression.trim() + "' never matches a date (such as the 30th of February)");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + expression.trim() + "' is not a Unix cron expression (" + FORM + "): "
                    + e.getMessage());
        }
    }

    @Override
    public Optional<LocalDateTime> nextAfter(String expression, LocalDateTime after) {
        ExecutionTime times = ExecutionTime.forCron(parse(expression));
        return times.nextExecution(after.atZone(ZoneOffset.UTC)).map(next -> next.toLocalDateTime());
    }

    private Cron parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("no cron expression");
        }
        String trimmed = expression.trim();
        if (trimmed.split("\\s+").length != 5) {
            // the Unix definition has five fields; say so plainly rather than with the parser's message
            throw new IllegalArgumentException("expected 5 fields, got " + trimmed.split("\\s+").length);
        }
        return parser.parse(trimmed).validate();
    }
}
