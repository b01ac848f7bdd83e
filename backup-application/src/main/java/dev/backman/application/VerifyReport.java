package dev.backman.application;

import java.util.List;

/** The outcome of a verify run, one entry per backup checked. */
public record VerifyReport(List<BackupVerification> backups) {
    public VerifyReport {
        backups = List.copyOf(backups);
    }

    public boolean allIntact() {
        return backups.stream().allMatch(BackupVerification::intact);
    }
}
