package dev.backman.application;

/**
 * Learns the outcome of every run of a schedule, on the schedule's thread, right after the run; keep it quick. An
 * exception it throws is reported to the manager's listener as a warning and does not stop the schedule.
 */
@FunctionalInterface
public interface ScheduleObserver {

    /**
     * One run (or retry) ended.
     *
     * @param run what it did and when the next one is due
     */
    void onRun(ScheduledRun run);
}
