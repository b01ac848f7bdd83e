package dev.backman.s3;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.Locale;

/**
 * Object-lock retention that backman sets on every object it writes: {@code mode} for {@code days} after the write. The
 * bucket must have object lock enabled (which implies versioning).
 *
 * @param mode the retention mode
 * @param days how long each object stays locked after it is written
 */
public record S3ObjectLock(Mode mode, int days) {
    private static final int MAX_DAYS = 36_500;

    /** S3's retention modes: GOVERNANCE can be lifted by users with a special permission, COMPLIANCE by nobody. */
    public enum Mode {
        /** Users with the {@code s3:BypassGovernanceRetention} permission can lift or shorten it. */
        GOVERNANCE,
        /** Nobody can lift or shorten it, the account's root user included. */
        COMPLIANCE
    }

    /**
     * Validates the values; errors name {@code s3.object_lock.mode} / {@code s3.object_lock.days}.
     *
     * @param mode the retention mode
     * @param days how long each object stays locked after it is written, 1 to 36,500
     */
    public S3ObjectLock {
        if (mode == null) {
            throw new InvalidConfiguration("s3.object_lock.mode", "missing (GOVERNANCE or COMPLIANCE)");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidConfiguration("s3.object_lock.days", days + " is not between 1 and " + MAX_DAYS);
        }
    }

    /**
     * Parses a mode name in any case, as a configuration file holds it.
     *
     * @param mode GOVERNANCE or COMPLIANCE, in any case
     * @param days how long each object stays locked after it is written
     * @return the retention
     */
    public static S3ObjectLock of(String mode, int days) {
        if (mode == null) {
            return new S3ObjectLock(null, days);
        }
        try {
            return new S3ObjectLock(Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT)), days);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration("s3.object_lock.mode", "'" + mode + "' is not GOVERNANCE or COMPLIANCE");
        }
    }
}
