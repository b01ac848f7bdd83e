package dev.backman.s3;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.Locale;

/**
 * Object-lock retention that backman sets on every object it writes: {@code mode} for {@code days} after the write.
 * The bucket must have object lock enabled (which implies versioning).
 */
public record S3ObjectLock(Mode mode, int days) {
    private static final int MAX_DAYS = 36_500;

    /** S3's retention modes: GOVERNANCE can be lifted by users with a special permission, COMPLIANCE by nobody. */
    public enum Mode { GOVERNANCE, COMPLIANCE }

    /** Validates the values; errors name {@code s3.object_lock.mode} / {@code s3.object_lock.days}. */
    public S3ObjectLock {
        if (mode == null) {
            throw new InvalidConfiguration("s3.object_lock.mode", "missing (GOVERNANCE or COMPLIANCE)");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidConfiguration("s3.object_lock.days", days + " is not between 1 and " + MAX_DAYS);
        }
    }

    /** Parses a mode name in any case, as a configuration file holds it. */
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
