package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * One run of a schedule: a backup made, or a failure.
 *
 * @param scheduledFor when the run was due (a late run, after the machine slept, starts later)
 * @param startedAt    when it started
 * @param duration     how long it took
 * @param attempt      1 for the regular run, 2 and up for its retries
 * @param backup       the backup made (files that could not be read are in its {@code skippedFiles}); null when it
 *                     failed
 * @param failure      why it failed; null when it completed
 * @param nextRun      when the schedule runs next: a retry when {@code retrying}, else the next regular run
 * @param retrying     whether {@code nextRun} is a retry of this failed run
 */
public record ScheduledRun(ZonedDateTime scheduledFor, ZonedDateTime startedAt, Duration duration, int attempt,
                           BackupMetadata backup, String failure, ZonedDateTime nextRun, boolean retrying) {

    /**
     * Whether a backup was made.
     *
     * @return true when {@link #backup()} is set
     */
    public boolean completed() {
        return backup != null;
    }
}
