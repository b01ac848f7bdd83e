package dev.backman.cli.output;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations for people: local time to the second, durations in s / min / h. */
public final class TimeText {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private TimeText() {
    }

    /** The instant in this machine's time zone. */
    public static String local(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneId.systemDefault()).format(LOCAL);
    }

    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %d s", (long) seconds / 60, (long) seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %d min", (long) seconds / 3600, (long) seconds % 3600 / 60);
    }
}
