package dev.backman.domain.model;

import dev.backman.domain.error.InvalidConfiguration;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When automatic backups run: {@link DailyAt daily at a local time}, {@link Every every fixed interval}, or by a
 * {@link Cron Unix cron expression}. Daily and cron times are wall-clock times of the host's time zone; an interval
 * is elapsed time between the starts of two runs. Invalid values are {@link InvalidConfiguration} errors naming
 * {@code schedule}.
 */
public sealed interface Schedule permits Schedule.DailyAt, Schedule.Every, Schedule.Cron {

    /**
     * The schedule for people.
     *
     * @return e.g. {@code daily at 02:00}, {@code every 15m}, {@code cron "0 2 * * *"}
     */
    String describe();

    /**
     * Every day at a time of day (minutes precision).
     *
     * @param time the local time of day
     */
    record DailyAt(LocalTime time) implements Schedule {
        private static final Pattern FORMAT = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

        /**
         * Drops seconds and smaller parts of {@code time}.
         *
         * @param time the local time of day
         * @throws NullPointerException no time
         */
        public DailyAt {
            Objects.requireNonNull(time, "time");
            time = time.withSecond(0).withNano(0);
        }

        /**
         * Parses 24-hour {@code HH:MM} ({@code 02:00}, {@code 2:00}, {@code 23:59}).
         *
         * @param text the time of day
         * @return the daily schedule
         * @throws InvalidConfiguration the text is not a time of day
         */
        public static DailyAt parse(String text) {
            Matcher m = text == null ? null : FORMAT.matcher(text.trim());
            if (m == null || !m.matches()) {
                throw new InvalidConfiguration("schedule", "'" + text
                        + "' is not a time of day HH:MM (24-hour, e.g. 02:00)");
            }
            return new DailyAt(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }

        /**
         * The first local date-time at this time of day strictly after {@code after}, on the wall clock (time zones
         * are applied by the caller).
         *
         * @param after the local date-time to look after
         * @return today's occurrence when still ahead, else tomorrow's
         */
        public LocalDateTime nextAfter(LocalDateTime after) {
            LocalDateTime today = after.toLocalDate().atTime(time);
            return today.isAfter(after) ? today : today.plusDays(1);
        }

        @Override
        public String describe() {
            return "daily at " + time;
        }
    }

    /**
     * Runs spaced by a fixed interval, measured from the start of one run to the start of the next.
     *
     * @param interval at least one second
     */
    record Every(Duration interval) implements Schedule {
        /** The shortest interval accepted. */
        public static final Duration SHORTEST = Duration.ofSeconds(1);

        /**
         * Checks the interval.
         *
         * @param interval at least one second
         * @throws InvalidConfiguration the interval is shorter than {@link #SHORTEST}
         */
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(SHORTEST) < 0) {
                throw new InvalidConfiguration("schedule", "the interval must be at least 1s, got "
                        + IntervalText.of(interval));
            }
        }

        @Override
        public String describe() {
            return "every " + IntervalText.of(interval);
        }
    }

    /**
     * A Unix cron expression of five fields (minute, hour, day of month, month, day of week) on local time. Its
     * syntax is checked by a {@link dev.backman.domain.port.CronCalendar}, which also computes its times.
     *
     * @param expression the expression, trimmed
     */
    record Cron(String expression) implements Schedule {
        /**
         * Trims the expression; its syntax is checked by the cron calendar.
         *
         * @param expression the expression
         * @throws InvalidConfiguration the expression is empty
         */
        public Cron {
            if (expression == null || expression.isBlank()) {
                throw new InvalidConfiguration("schedule", "a cron expression must not be empty");
            }
            expression = expression.trim();
        }

        @Override
        public String describe() {
            return "cron \"" + expression + "\"";
        }
    }
}
