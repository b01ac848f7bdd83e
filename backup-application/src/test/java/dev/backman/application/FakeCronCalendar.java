package dev.backman.application;

import dev.backman.domain.port.CronCalendar;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cron calendar for daily expressions only ({@code M H * * *}): enough to test how schedules use the port. */
final class FakeCronCalendar implements CronCalendar {
    private static final Pattern DAILY = Pattern.compile("(\\d{1,2}) (\\d{1,2}) \\* \\* \\*");

    @Override
    public Optional<String> problem(String expression) {
        Matcher m = DAILY.matcher(expression.trim());
        if (!m.matches()) {
            return Optional.of("'" + expression + "' is not of the form M H * * *");
        }
        if (Integer.parseInt(m.group(1)) > 59 || Integer.parseInt(m.group(2)) > 23) {
            return Optional.of("'" + expression + "': minute or hour out of range");
        }
        return Optional.empty();
    }

    @Override
    public Optional<LocalDateTime> nextAfter(String expression, LocalDateTime after) {
        problem(expression).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Matcher m = DAILY.matcher(expression.trim());
        m.matches();
        LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        LocalDateTime today = after.toLocalDate().atTime(time);
        return Optional.of(today.isAfter(after) ? today : today.plusDays(1));
    }
}
