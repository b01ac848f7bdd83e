package dev.backman.cli.config;

import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code schedule:} and {@code retry:} settings: when {@code backman schedule} runs without an option, and how
 * a failed run is retried.
 *
 * @param schedule the configured schedule, or null when there is none
 * @param retry    how failed scheduled runs are retried ({@link RetryPolicy#DEFAULT} unless configured)
 */
public record ScheduleOptions(Schedule schedule, RetryPolicy retry) {
    public ScheduleOptions {
        Objects.requireNonNull(retry, "retry");
    }

    /** No schedule, the default retries. */
    public static ScheduleOptions defaults() {
        return new ScheduleOptions(null, RetryPolicy.DEFAULT);
    }

    /** The configured schedule, if any. */
    public Optional<Schedule> configured() {
        return Optional.ofNullable(schedule);
    }
}
