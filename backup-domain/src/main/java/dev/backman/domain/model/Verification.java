package dev.backman.domain.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The outcome of one verification of a backup, as the catalog keeps it (the latest one per mode).
 *
 * @param backupId   the backup
 * @param mode       how it was checked
 * @param verifiedAt when the check ran
 * @param intact     whether nothing was found wrong
 * @param problem    what was found wrong (the first problem, and how many others); null when intact
 */
public record Verification(String backupId, VerifyMode mode, OffsetDateTime verifiedAt, boolean intact,
                           String problem) {

    /**
     * Checks the components.
     *
     * @param backupId the backup
     * @param mode how it was checked
     * @param verifiedAt when the check ran
     * @param intact whether nothing was found wrong
     * @param problem what was found wrong (the first problem, and how many others); null when intact
     */
    public Verification {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    /**
     * {@code ok} or {@code damaged}, as {@code status} shows it.
     *
     * @return the outcome's wire name
     */
    public String outcome() {
        return intact ? "ok" : "damaged";
    }
}
