package dev.backman.cli.config;

import dev.backman.cron.CronUtilsCalendar;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.Schedule;
import dev.backman.domain.port.CronCalendar;

/**
 * Checks cron expressions from the configuration and the command line before anything runs. cron-utils is loaded
 * only when an expression is given, so commands that meet none do not pay for it.
 */
public final class CronExpressions {
    private CronCalendar calendar;

    /**
     * A cron schedule of {@code expression}.
     *
     * @throws InvalidConfiguration naming {@code key}: the expression is empty, malformed or never matches
     */
    public Schedule.Cron parse(String expression, String key) {
        Schedule.Cron cron;
        try {
            cron = new Schedule.Cron(expression);
        } catch (InvalidConfiguration e) {
            throw new InvalidConfiguration(key, e.problem());
        }
        calendar().problem(cron.expression()).ifPresent(problem -> {
            throw new InvalidConfiguration(key, problem);
        });
        return cron;
    }

    private CronCalendar calendar() {
        if (calendar == null) {
            calendar = new CronUtilsCalendar();
        }
        return calendar;
    }
}
