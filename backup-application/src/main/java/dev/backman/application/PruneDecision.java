package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import java.util.List;
import java.util.Objects;

/**
 * What retention decided for one backup.
 *
 * @param backup  the backup
 * @param keep    whether it stays
 * @param reasons when kept, every rule that keeps it ({@code "last 3"}, {@code "daily 2026-11-28"},
 *                {@code "weekly 2026-W48"}, {@code "younger than retention_days (30)"},
 *                {@code "newest completed backup"}, {@code "needed by <id> (same chain)"} …); when removed, one
 *                reason saying why no rule keeps it
 */
public record PruneDecision(BackupMetadata backup, boolean keep, List<String> reasons) {
    /**
     * Requires the backup and at least one reason.
     *
     * @param backup  the backup
     * @param keep    whether it stays
     * @param reasons the rules that keep it, or why it goes
     */
    public PruneDecision {
        Objects.requireNonNull(backup, "backup");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
    }

    static PruneDecision kept(BackupMetadata backup, String reason) {
        return new PruneDecision(backup, true, List.of(reason));
    }

    static PruneDecision removed(BackupMetadata backup, String reason) {
        return new PruneDecision(backup, false, List.of(reason));
    }

    /**
     * The backup's id.
     *
     * @return {@code backup().backupId()}
     */
    public String backupId() {
        return backup.backupId();
    }

    /**
     * The reasons in one line.
     *
     * @return the reasons, comma separated
     */
    public String reason() {
        return String.join(", ", reasons);
    }
}
