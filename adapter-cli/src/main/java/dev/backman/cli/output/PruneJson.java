package dev.backman.cli.output;

import dev.backman.application.PruneDecision;
import dev.backman.application.PruneReport;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code prune --json}: {@code {"dry_run", "decisions": [...], "kept": [{"backup_id", "reasons"}], "removed":
 * ["id", ...], "removed_backups": [{"backup_id", "reason", "archive_size_bytes"}], "bytes_freed"}}.
 *
 * @param dryRun         whether nothing was deleted
 * @param decisions      one per backup, oldest first
 * @param kept           the backups that stay, with every rule that keeps each
 * @param removed        ids of the backups removed (or that would be, in a dry run)
 * @param removedBackups the same backups with the reason each goes and its archive size
 * @param bytesFreed     archive bytes of the removed backups
 */
public record PruneJson(boolean dryRun, List<Decision> decisions, List<Kept> kept, List<String> removed,
                        List<Removal> removedBackups, long bytesFreed) {

    public static PruneJson of(PruneReport report) {
        List<PruneDecision> all = report.decisions();
        return new PruneJson(report.dryRun(),
                all.stream().map(Decision::of).toList(),
                all.stream().filter(PruneDecision::keep).map(d -> new Kept(d.backupId(), d.reasons())).toList(),
                report.removed(),
                all.stream().filter(d -> !d.keep())
                        .map(d -> new Removal(d.backupId(), d.reason(), d.backup().archiveSizeBytes())).toList(),
                report.bytesFreed());
    }

    /**
     * One backup's decision.
     *
     * @param backupId         the backup
     * @param timestamp        when it was made
     * @param backupType       full or incremental
     * @param status           its status
     * @param keep             whether it stays
     * @param reason           the reasons in one line
     * @param reasons          every rule that keeps it, or the reason it goes
     * @param archiveSizeBytes bytes of its archive
     */
    public record Decision(String backupId, OffsetDateTime timestamp, BackupType backupType, BackupStatus status,
                           boolean keep, String reason, List<String> reasons, long archiveSizeBytes) {
        static Decision of(PruneDecision d) {
            return new Decision(d.backupId(), d.backup().timestamp(), d.backup().backupType(), d.backup().status(),
                    d.keep(), d.reason(), d.reasons(), d.backup().archiveSizeBytes());
        }
    }

    /**
     * A backup that stays.
     *
     * @param backupId the backup
     * @param reasons  every rule that keeps it
     */
    public record Kept(String backupId, List<String> reasons) {
    }

    /**
     * A backup that goes.
     *
     * @param backupId         the backup
     * @param reason           why no rule keeps it
     * @param archiveSizeBytes bytes its archive frees
     */
    public record Removal(String backupId, String reason, long archiveSizeBytes) {
    }
}
