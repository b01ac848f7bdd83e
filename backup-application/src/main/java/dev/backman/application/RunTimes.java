package dev.backman.application;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.Schedule;
import dev.backman.domain.port.CronCalendar;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.function.UnaryOperator;

/**
 * When a schedule's runs are due, as instants in the zone of the time given. Daily and cron schedules are computed on
 * the wall clock and then placed in the zone: a local time that a spring-forward change skips moves forward by the
 * length of the gap (02:30 becomes 03:30), and a local time that a fall-back change repeats counts once, at its first
 * occurrence. An interval is added to the instant, whatever the wall clock does.
 */
final class RunTimes {
    private final CronCalendar cron;

    /** @param cron the cron arithmetic, or null when the host has none (cron schedules are then refused) */
    RunTimes(CronCalendar cron) {
        this.cron = cron;
    }

    /** Refuses a schedule that cannot run here: a cron schedule without a calendar, or one that is malformed. */
    Schedule check(Schedule schedule) {
        if (schedule instanceof Schedule.Cron c) {
            if (cron == null) {
                throw new InvalidConfiguration("schedule", "cron schedules need a cron calendar: add the "
                        + "adapter-cron module and give BackupManager.builder().cronCalendar(new CronUtilsCalendar())");
            }
            cron.problem(c.expression()).ifPresent(problem -> {
                throw new InvalidConfiguration("schedule", problem);
            });
        }
        return schedule;
    }

    /** The first run of {@code schedule} strictly after {@code after}. */
    ZonedDateTime nextAfter(Schedule schedule, ZonedDateTime after) {
        if (schedule instanceof Schedule.Every every) {
            return after.plus(every.interval());
        }
        if (schedule instanceof Schedule.DailyAt daily) {
            return onWallClock(daily::nextAfter, after);
        }
        String expression = ((Schedule.Cron) schedule).expression();
        return onWallClock(local -> cron.nextAfter(expression, local).orElseThrow(() -> new InvalidConfiguration(
                "schedule", "the cron expression \"" + expression + "\" never matches a date")), after);
    }

    /**
     * The due time {@code due} of a run, looked at again at {@code now}: when the clock was set back, an interval
     * still counts from now, so that a run is never put off by more than its interval. Wall-clock schedules keep their
     * time: a backup due at 02:00 stays due at 02:00, and one that ran is not run again when the clock goes back.
     */
    ZonedDateTime recheck(Schedule schedule, ZonedDateTime due, ZonedDateTime now) {
        if (schedule instanceof Schedule.Every every) {
            ZonedDateTime latest = now.plus(every.interval());
            return due.isAfter(latest) ? latest : due;
        }
        return due;
    }

    private static ZonedDateTime onWallClock(UnaryOperator<LocalDateTime> nextLocal, ZonedDateTime after) {
        LocalDateTime local = after.toLocalDateTime();
        while (true) {
            local = nextLocal.apply(local);
            // atZone: a time in a gap moves forward by the gap; a repeated time takes its earlier offset
            ZonedDateTime candidate = local.atZone(after.getZone());
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
    }
}
