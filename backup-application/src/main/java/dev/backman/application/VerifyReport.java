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
    public VerifyReport {
        backups = List.copyOf(backups);
    }

    public boolean allIntact() {
        return backups.stream().allMatch(BackupVerification::intact);
    }
}
