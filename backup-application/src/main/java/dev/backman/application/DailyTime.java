package dev.backman.application;

import dev.backman.domain.error.InvalidConfiguration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time of day in 24-hour {@code HH:MM}, and the next moment it occurs. */
record DailyTime(LocalTime time) {
    private static final Pattern FORMAT = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    static DailyTime parse(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value.trim());
        if (m == null || !m.matches()) {
            throw new InvalidConfiguration("schedule", "'" + value + "' is not a time of day HH:MM (e.g. 02:00)");
        }
        return new DailyTime(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /** The first occurrence strictly after {@code now}; across DST gaps the zone rules shift it forward. */
    ZonedDateTime nextAfter(ZonedDateTime now) {
        ZonedDateTime today = now.toLocalDate().atTime(time).atZone(now.getZone());
        return today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(time).atZone(now.getZone());
    }
}
