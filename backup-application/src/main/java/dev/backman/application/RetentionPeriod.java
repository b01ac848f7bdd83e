package dev.backman.application;

import dev.backman.domain.model.RetentionRules;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The bucket each {@code keep_*} rule sorts backups into, in local time: {@code keep_last} puts every backup in a
 * bucket of its own; the others by hour, day, ISO week (whose year is the week-based year: 2027-01-01 is in
 * 2026-W53), month and year.
 */
enum RetentionPeriod {
    LAST("last", RetentionRules::keepLast),
    HOURLY("hourly", RetentionRules::keepHourly),
    DAILY("daily", RetentionRules::keepDaily),
    WEEKLY("weekly", RetentionRules::keepWeekly),
    MONTHLY("monthly", RetentionRules::keepMonthly),
    YEARLY("yearly", RetentionRules::keepYearly);

    private final String label;
    private final ToIntFunction<RetentionRules> count;

    RetentionPeriod(String label, ToIntFunction<RetentionRules> count) {
        this.label = label;
        this.count = count;
    }

    /** {@code last}, {@code hourly} … as the rule appears in reasons. */
    String label() {
        return label;
    }

    /** The configuration key, {@code keep_daily} … */
    String key() {
        return "keep_" + name().toLowerCase(Locale.ROOT);
    }

    /** How many buckets the rules keep for this period (0: the rule is off). */
    int count(RetentionRules rules) {
        return count.applyAsInt(rules);
    }

    /** The bucket of a backup taken at {@code time} (local), e.g. {@code 2026-11-28} for days. */
    String bucket(ZonedDateTime time, String backupId) {
        return switch (this) {
            case LAST -> backupId;
            case HOURLY -> String.format(Locale.ROOT, "%1$tF %1$tH:00", time);
            case DAILY -> String.format(Locale.ROOT, "%1$tF", time);
            case WEEKLY -> String.format(Locale.ROOT, "%d-W%02d", time.get(IsoFields.WEEK_BASED_YEAR),
                    time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> String.format(Locale.ROOT, "%1$tY-%1$tm", time);
            case YEARLY -> String.format(Locale.ROOT, "%1$tY", time);
        };
    }
}
