package dev.backman.domain.model;

import dev.backman.domain.error.InvalidConfiguration;

/**
 * The {@code retention:} rules, as in {@code restic forget}: each keeps, among completed backups, the newest one of
 * each of the last N hours, days, ISO weeks, months or years that have backups ({@code keepLast}: the N newest
 * backups). Periods are taken in the local time zone. A backup stays when any rule, or {@code retention_days}, keeps
 * it; 0 turns a rule off.
 *
 * @param keepLast    the N newest completed backups
 * @param keepHourly  the newest completed backup of each of the last N hours that have backups
 * @param keepDaily   the newest completed backup of each of the last N days that have backups
 * @param keepWeekly  the newest completed backup of each of the last N ISO weeks (Monday to Sunday) that have backups
 * @param keepMonthly the newest completed backup of each of the last N months that have backups
 * @param keepYearly  the newest completed backup of each of the last N years that have backups
 */
public record RetentionRules(int keepLast, int keepHourly, int keepDaily, int keepWeekly, int keepMonthly,
                             int keepYearly) {

    /**
     * Checks every count; a negative one is an {@link InvalidConfiguration} naming its key.
     *
     * @param keepLast    the N newest completed backups
     * @param keepHourly  the newest of each of the last N hours with backups
     * @param keepDaily   the newest of each of the last N days with backups
     * @param keepWeekly  the newest of each of the last N ISO weeks with backups
     * @param keepMonthly the newest of each of the last N months with backups
     * @param keepYearly  the newest of each of the last N years with backups
     */
    public RetentionRules {
        check("keep_last", keepLast);
        check("keep_hourly", keepHourly);
        check("keep_daily", keepDaily);
        check("keep_weekly", keepWeekly);
        check("keep_monthly", keepMonthly);
        check("keep_yearly", keepYearly);
    }

    /**
     * No rule: only {@code retention_days} decides.
     *
     * @return rules that are all off
     */
    public static RetentionRules none() {
        return new RetentionRules(0, 0, 0, 0, 0, 0);
    }

    /**
     * Whether any rule is on.
     *
     * @return true when some count is greater than 0
     */
    public boolean any() {
        return keepLast > 0 || keepHourly > 0 || keepDaily > 0 || keepWeekly > 0 || keepMonthly > 0 || keepYearly > 0;
    }

    /**
     * The same rules with {@code keep_last} set to {@code value}.
     *
     * @param value the count (0: off)
     * @return new rules
     */
    public RetentionRules withKeepLast(int value) {
        return new RetentionRules(value, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly);
    }

    /**
     * The same rules with {@code keep_hourly} set to {@code value}.
     *
     * @param value the count (0: off)
     * @return new rules
     */
    public RetentionRules withKeepHourly(int value) {
        return new RetentionRules(keepLast, value, keepDaily, keepWeekly, keepMonthly, keepYearly);
    }

    /**
     * The same rules with {@code keep_daily} set to {@code value}.
     *
     * @param value the count (0: off)
     * @return new rules
     */
    public RetentionRules withKeepDaily(int value) {
        return new RetentionRules(keepLast, keepHourly, value, keepWeekly, keepMonthly, keepYearly);
    }

    /**
     * The same rules with {@code keep_weekly} set to {@code value}.
     *
     * @param value the count (0: off)
     * @return new rules
     */
    public RetentionRules withKeepWeekly(int value) {
        return new RetentionRules(keepLast, keepHourly, keepDaily, value, keepMonthly, keepYearly);
    }

    /**
     * The same rules with {@code keep_monthly} set to {@code value}.
     *
     * @param value the count (0: off)
     * @return new rules
     */
    public RetentionRules withKeepMonthly(int value) {
        return new RetentionRules(keepLast, keepHourly, keepDaily, keepWeekly, value, keepYearly);
    }

    /**
     * The same rules with {@code keep_yearly} set to {@code value}.
     *
     * @param value the count (0: off)
     * @return new rules
     */
    public RetentionRules withKeepYearly(int value) {
        return new RetentionRules(keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, value);
    }

    private static void check(String key, int value) {
        if (value < 0) {
            throw new InvalidConfiguration("retention." + key, "must be 0 (off) or more, got " + value);
        }
    }
}
