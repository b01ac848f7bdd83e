package dev.backman.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.RetentionRules;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the {@code retention:} block (SPEC 5) into {@link RetentionRules}; every error names its key, e.g.
 * {@code retention.keep_daily}. A missing or null block means no rule.
 */
final class RetentionReader {
    private static final List<String> KEYS = List.of("keep_last", "keep_hourly", "keep_daily", "keep_weekly",
            "keep_monthly", "keep_yearly");

    RetentionRules read(JsonNode block) {
        if (block == null || block.isNull()) {
            return RetentionRules.none();
        }
        if (!block.isObject()) {
            throw new InvalidConfiguration("retention", "must be a mapping of keep_* rules, e.g. "
                    + "{keep_daily: 7, keep_weekly: 4}");
        }
        for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InvalidConfiguration("retention." + name, "unknown key; known keys: "
                        + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        ConfigValues values = new ConfigValues(block, "retention.");
        return new RetentionRules(count(values, "keep_last"), count(values, "keep_hourly"),
                count(values, "keep_daily"), count(values, "keep_weekly"), count(values, "keep_monthly"),
                count(values, "keep_yearly"));
    }

    private static int count(ConfigValues values, String key) {
        return values.wholeNumber(key).orElse(0);
    }
}
