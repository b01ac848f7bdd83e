package dev.backman.application;

import dev.backman.domain.model.VerifyMode;
import java.util.List;

/**
 * The outcome of a verify run.
 *
 * @param mode       how the backups were checked
 * @param candidates backups the run could have checked (a sample checks only some of them)
 * @param backups    one entry per backup checked, oldest first
 */
public record VerifyReport(VerifyMode mode, int candidates, List<BackupVerification> backups) {
    /**
     * Checks the components.
     *
     * @param mode how the backups were checked
     * @param candidates backups the run could have checked (a sample checks only some of them)
     * @param backups one entry per backup checked, oldest first
     */
    public VerifyReport {
        backups = List.copyOf(backups);
    }

    /**
     * Whether every backup checked is intact.
     *
     * @return true when no backup has a problem
     */
    public boolean allIntact() {
        return backups.stream().allMatch(BackupVerification::intact);
    }
}
