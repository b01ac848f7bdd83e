package dev.backman.cli.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations as people write them: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, {@code 500ms}, a bare
 * number of seconds, or ISO-8601 ({@code PT30S}). Negative durations are refused.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SHORT = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (text.matches("\\d+")) {
            duration = Duration.ofSeconds(Long.parseLong(text));
        } else if (SHORT.matcher(text).matches()) {
            duration = shortForm(text);
        } else if (text.startsWith("p") || text.startsWith("-p")) {
            duration = iso(value.trim());
        } else {
            throw invalid(value);
        }
        if (duration.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is negative; a wait must be 0 or more");
        }
        return duration;
    }

    private static Duration shortForm(String text) {
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return total;
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException("'" + value
                + "' is not a duration; use e.g. 30s, 5m, 1h, 1h30m or ISO-8601 like PT30S");
    }
}
