package dev.backman.domain.model;

import java.time.Duration;

/** Durations written the way they are typed: {@code 30s}, {@code 15m}, {@code 1h30m}, {@code 2d}, {@code 500ms}. */
final class IntervalText {
    private IntervalText() {
    }

    static String of(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return duration.isZero() ? "0s" : "-" + of(duration.negated());
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.length() == 0 ? duration.toString() : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
