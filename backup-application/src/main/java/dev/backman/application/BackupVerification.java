package dev.backman.application;

import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.VerifyMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The outcome of verifying one backup.
 *
 * @param backupId      the backup
 * @param status        its status after verification
 * @param mode          how it was checked
 * @param verifiedAt    when
 * @param filesChecked  regular files whose contents were read and compared (0 for a quick check)
 * @param problems      what is damaged or missing; empty when nothing was found wrong
 */
public record BackupVerification(String backupId, BackupStatus status, VerifyMode mode, OffsetDateTime verifiedAt,
                                 long filesChecked, List<String> problems) {
    /**
     * Checks the components.
     *
     * @param backupId the backup
     * @param status its status after verification
     * @param mode how it was checked
     * @param verifiedAt when
     * @param filesChecked regular files whose contents were read and compared (0 for a quick check)
     * @param problems what is damaged or missing; empty when nothing was found wrong
     */
    public BackupVerification {
        problems = List.copyOf(problems);
    }

    /**
     * Whether nothing was found wrong.
     *
     * @return true when there are no problems
     */
    public boolean intact() {
        return problems.isEmpty();
    }
}
