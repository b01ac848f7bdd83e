package dev.backman.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.cli.command.DurationConverter;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Reads {@code schedule: "02:00"} (daily), {@code {at: "02:00"}}, {@code {cron: "0 2 * * *"}} or
 * {@code {every: 6h}}, and {@code retry: {times: N, after: DURATION}}.
 */
final class ScheduleReader {
    private static final String FORMS = "\"HH:MM\", {cron: \"0 2 * * *\"} or {every: 6h}";
    private static final Set<String> RETRY_KEYS = Set.of("times", "after");
    private final CronExpressions cron;

    ScheduleReader(CronExpressions cron) {
        this.cron = cron;
    }

    ScheduleOptions read(JsonNode schedule, JsonNode retry) {
        return new ScheduleOptions(schedule(schedule), retry(retry));
    }

    private Schedule schedule(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return dailyAt(node.textValue(), "schedule");
        }
        if (!node.isObject() || node.size() != 1) {
            throw new InvalidConfiguration("schedule", "must be " + FORMS + " (exactly one of at, cron, every)");
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        String key = "schedule." + only.getKey();
        String value = text(only.getValue(), key);
        return switch (only.getKey()) {
            case "at" -> dailyAt(value, key);
            case "cron" -> cron.parse(value, key);
            case "every" -> every(value, key);
            default -> throw new InvalidConfiguration(key, "unknown key; use one of at, cron, every");
        };
    }

    private static RetryPolicy retry(JsonNode node) {
        if (absent(node)) {
            return RetryPolicy.DEFAULT;
        }
        if (!node.isObject()) {
            throw new InvalidConfiguration("retry", "must be a mapping such as {times: 2, after: 5m}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!RETRY_KEYS.contains(key)) {
                throw new InvalidConfiguration("retry." + key, "unknown key; known keys: after, times");
            }
        }
        ConfigValues values = new ConfigValues(node, "retry.");
        RetryPolicy retry = RetryPolicy.DEFAULT;
        retry = values.wholeNumber("times").map(retry::withTimes).orElse(retry);
        retry = values.text("after").map(text -> duration(text, "retry.after")).map(retry::withAfter).orElse(retry);
        return retry;
    }

    private static Schedule.DailyAt dailyAt(String value, String key) {
        try {
            return Schedule.DailyAt.parse(value);
        } catch (InvalidConfiguration e) {
            throw new InvalidConfiguration(key, e.problem());
        }
    }

    private static Schedule.Every every(String value, String key) {
        try {
            return new Schedule.Every(duration(value, key));
        } catch (InvalidConfiguration e) {
            throw new InvalidConfiguration(key, e.problem());
        }
    }

    private static Duration duration(String value, String key) {
        try {
            return new DurationConverter().convert(value);
        } catch (CommandLine.TypeConversionException e) {
            throw new InvalidConfiguration(key, e.getMessage());
        }
    }

    private static String text(JsonNode node, String key) {
        if (node == null || node.isNull() || !(node.isTextual() || node.isNumber()) || node.asText().isBlank()) {
            throw new InvalidConfiguration(key, "must be a non-empty string");
        }
        return node.asText();
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
