package dev.backman.cli.config;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code s3:} block of the configuration as plain values, for every {@code s3://} location (the repository and
 * the offsite ones). Kept free of AWS SDK types, so that reading a configuration never loads the SDK; the S3 backend
 * turns it into the adapter's settings, which check the rest (e.g. storage class names).
 *
 * @param endpoint       an S3-compatible endpoint URL, or null for AWS
 * @param region         the signing region
 * @param pathStyle      {@code host/bucket/key} URLs (MinIO, S3Proxy …)
 * @param storageClass   storage class of archives, or null for the bucket's default
 * @param objectLockMode GOVERNANCE or COMPLIANCE, or null for no object lock
 * @param objectLockDays retention in days of every object written (with a mode)
 * @param partSizeMb     multipart part size in MiB
 * @param uploadThreads  parts of one object uploaded in parallel
 * @param downloadThreads ranged GETs of 8 MiB in flight while a whole archive is read (1: one streaming GET)
 * @param maxAttempts    attempts per request (the first one included), with exponential backoff
 */
public record S3Options(String endpoint, String region, boolean pathStyle, String storageClass,
                        String objectLockMode, int objectLockDays, int partSizeMb, int uploadThreads,
                        int downloadThreads, int maxAttempts) {
    private static final Set<String> LOCK_MODES = Set.of("GOVERNANCE", "COMPLIANCE");

    /**
     * Checks what can be checked without the SDK; errors name keys such as {@code s3.part_size_mb}.
     *
     * @param endpoint an S3-compatible endpoint URL, or null for AWS
     * @param region the signing region
     * @param pathStyle {@code host/bucket/key} URLs (MinIO, S3Proxy …)
     * @param storageClass storage class of archives, or null for the bucket's default
     * @param objectLockMode GOVERNANCE or COMPLIANCE, or null for no object lock
     * @param objectLockDays retention in days of every object written (with a mode)
     * @param partSizeMb multipart part size in MiB
     * @param uploadThreads parts of one object uploaded in parallel
     * @param downloadThreads ranged GETs of 8 MiB in flight while a whole archive is read (1: one streaming GET)
     * @param maxAttempts attempts per request (the first one included), with exponential backoff
     */
    public S3Options {
        if (endpoint != null && !endpoint.matches("(?i)https?://[^/\\s]+(/.*)?")) {
            throw new InvalidConfiguration("s3.endpoint", "'" + endpoint + "' is not an http:// or https:// URL");
        }
        if (region == null || region.isBlank()) {
            throw new InvalidConfiguration("s3.region", "must not be empty (e.g. us-east-1)");
        }
        if (objectLockMode != null) {
            objectLockMode = objectLockMode.trim().toUpperCase(Locale.ROOT);
            if (!LOCK_MODES.contains(objectLockMode)) {
                throw new InvalidConfiguration("s3.object_lock.mode", "'" + objectLockMode
                        + "' is not GOVERNANCE or COMPLIANCE");
            }
            if (objectLockDays < 1) {
                throw new InvalidConfiguration("s3.object_lock.days", "must be 1 or more, got " + objectLockDays);
            }
        }
        if (partSizeMb < 5 || partSizeMb > 1024) {
            throw new InvalidConfiguration("s3.part_size_mb", "must be between 5 and 1024, got " + partSizeMb);
        }
        if (uploadThreads < 1 || uploadThreads > 64) {
            throw new InvalidConfiguration("s3.upload_threads", "must be between 1 and 64, got " + uploadThreads);
        }
        if (downloadThreads < 1 || downloadThreads > 64) {
            throw new InvalidConfiguration("s3.download_threads", "must be between 1 and 64, got " + downloadThreads);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new InvalidConfiguration("s3.max_attempts", "must be between 1 and 20, got " + maxAttempts);
        }
    }

    /**
     * AWS in us-east-1, virtual-hosted URLs, no object lock, 16 MiB parts, 4 upload threads, one streaming GET per
     * archive read, 5 attempts.
     *
     * @return the default options
     */
    public static S3Options defaults() {
        return new S3Options(null, "us-east-1", false, null, null, 0, 16, 4, 1, 5);
    }
}
