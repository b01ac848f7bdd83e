package dev.backman.application;

import dev.backman.domain.model.BackupStatus;
import java.util.List;

/**
 * The outcome of verifying one backup.
 *
 * @param backupId      the backup
 * @param status        its status after verification
 * @param filesChecked  regular files whose contents were read and compared
 * @param problems      what is damaged or missing; empty when the backup is intact
 */
public record BackupVerification(String backupId, BackupStatus status, long filesChecked, List<String> problems) {
    public BackupVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
