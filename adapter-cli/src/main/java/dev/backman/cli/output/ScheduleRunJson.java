package dev.backman.cli.output;

import dev.backman.application.ScheduledRun;
import dev.backman.domain.model.BackupMetadata;
import java.time.OffsetDateTime;

/**
 * {@code schedule --json}: one object per run, one per line (newline-delimited JSON).
 *
 * @param status           {@code completed} or {@code failed}
 * @param scheduledFor     when the run was due
 * @param startedAt        when it started (later than due after the machine slept)
 * @param durationSeconds  how long it took
 * @param attempt          1 for the regular run, 2 and up for retries
 * @param backup           the backup's metadata as {@code backup --json} prints it; null when it failed
 * @param error            why it failed; null when it completed
 * @param nextRun          when the schedule runs next
 * @param retry            whether the next run is a retry of this failed run
 */
public record ScheduleRunJson(String status, OffsetDateTime scheduledFor, OffsetDateTime startedAt,
                              double durationSeconds, int attempt, BackupMetadata backup, String error,
                              OffsetDateTime nextRun, boolean retry) {

    public static ScheduleRunJson of(ScheduledRun run) {
        return new ScheduleRunJson(run.completed() ? "completed" : "failed", run.scheduledFor().toOffsetDateTime(),
                run.startedAt().toOffsetDateTime(), run.duration().toMillis() / 1000.0, run.attempt(), run.backup(),
                run.failure(), run.nextRun().toOffsetDateTime(), run.retrying());
    }
}
