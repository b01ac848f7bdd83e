package dev.backman.filesystem.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()} without a {@code DateTimeFormatter}: the same text (ISO-8601 in UTC, the fraction in
 * groups of three digits, none when zero), written directly for the years 0000 to 9999, which is every file time in
 * practice; other years go through {@code toString()}.
 */
final class IsoInstant {
    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long END_SECOND = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private IsoInstant() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int nano = instant.getNano();
        char[] text = new char[31];
        int n = digits(text, 0, t.getYear(), 4);
        text[n++] = '-';
        n = digits(text, n, t.getMonthValue(), 2);
        text[n++] = '-';
        n = digits(text, n, t.getDayOfMonth(), 2);
        text[n++] = 'T';
        n = digits(text, n, t.getHour(), 2);
        text[n++] = ':';
        n = digits(text, n, t.getMinute(), 2);
        text[n++] = ':';
        n = digits(text, n, t.getSecond(), 2);
        if (nano != 0) {
            text[n++] = '.';
            if (nano % 1_000_000 == 0) {
                n = digits(text, n, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                n = digits(text, n, nano / 1_000, 6);
            } else {
                n = digits(text, n, nano, 9);
            }
        }
        text[n++] = 'Z';
        return new String(text, 0, n);
    }

    /** Writes {@code value} zero-padded to {@code width} digits at {@code at}; returns the next position. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
