package dev.backman.s3;

import dev.backman.domain.error.InvalidConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * How {@link S3ArchiveStorage} talks to S3. Start from {@link #defaults()} and change values with the
 * {@code with...} methods; every value is validated on construction and an error names its configuration key.
 *
 * @param endpoint       an S3-compatible endpoint ({@code http(s)://host[:port]}), or null for AWS
 * @param region         the signing region; default {@code us-east-1}
 * @param pathStyle      {@code host/bucket/key} URLs instead of {@code bucket.host/key} (MinIO, S3Proxy)
 * @param storageClass   storage class of {@code archives/} objects (e.g. {@code STANDARD_IA}); null = bucket default.
 *                       Manifests, the repository descriptor and all other objects stay {@code STANDARD}.
 * @param objectLock     retention set on every object written, or null for none
 * @param partSizeBytes  multipart part size, at least 5 MiB; default 16 MiB. An upload buffers at most
 *                       {@code uploadThreads + 1} parts in memory
 * @param uploadThreads  parts of one object uploaded in parallel; default 4
 * @param connectTimeout TCP connect timeout; default 10 s
 * @param readTimeout    longest wait for data on an open connection; default 60 s
 * @param maxAttempts    attempts per request, including the first, with exponential backoff; default 5
 * @param readAheadBytes bytes fetched per ranged GET when an archive is read randomly; default 4 MiB
 * @param downloadThreads ranged GETs of 8 MiB run in parallel when an archive is read from start to end (restore,
 *                       verify, replicate); default 1, one streaming GET. More threads help where one connection
 *                       is limited by latency (on a local server they only cost CPU); a read holds at most
 *                       {@code downloadThreads + 1} ranges in memory
 */
public record S3Settings(URI endpoint, String region, boolean pathStyle, String storageClass, S3ObjectLock objectLock,
        int partSizeBytes, int uploadThreads, Duration connectTimeout, Duration readTimeout, int maxAttempts,
        int readAheadBytes, int downloadThreads) {
    /** One mebibyte, in bytes. */
    public static final int MIB = 1024 * 1024;
    /** S3's smallest part (except the last). */
    public static final int MIN_PART_SIZE = 5 * MIB;
    /** Bytes per ranged GET when an object is read from start to end by parallel requests (as in {@code aws s3 cp}). */
    public static final int DOWNLOAD_RANGE_SIZE = 8 * MIB;
    // parts are byte arrays; S3's own limit (5 GiB) is far above what a backup needs in memory
    private static final int MAX_PART_SIZE = 1024 * MIB;
    private static final int MAX_UPLOAD_THREADS = 64;
    private static final int MAX_ATTEMPTS = 20;
    private static final int MAX_DOWNLOAD_THREADS = 64;
    private static final int MIN_READ_AHEAD = 64 * 1024;
    private static final int MAX_READ_AHEAD = 64 * MIB;

    /**
     * Validates every value; errors name keys such as {@code s3.part_size_bytes}.
     *
     * @param endpoint an S3-compatible endpoint ({@code http(s)://host[:port]}), or null for AWS
     * @param region the signing region; default {@code us-east-1}
     * @param pathStyle {@code host/bucket/key} URLs instead of {@code bucket.host/key} (MinIO, S3Proxy)
     * @param storageClass storage class of {@code archives/} objects (e.g. {@code STANDARD_IA}); null = bucket default.
     *     Manifests, the repository descriptor and all other objects stay {@code STANDARD}.
     * @param objectLock retention set on every object written, or null for none
     * @param partSizeBytes multipart part size, at least 5 MiB; default 16 MiB. An upload buffers at most {@code
     *     uploadThreads + 1} parts in memory
     * @param uploadThreads parts of one object uploaded in parallel; default 4
     * @param connectTimeout TCP connect timeout; default 10 s
     * @param readTimeout longest wait for data on an open connection; default 60 s
     * @param maxAttempts attempts per request, including the first, with exponential backoff; default 5
     * @param readAheadBytes bytes fetched per ranged GET when an archive is read randomly; default 4 MiB
     * @param downloadThreads ranged GETs of 8 MiB run in parallel when an archive is read from start to end; default
     *     1, one streaming GET. A read holds at most {@code downloadThreads + 1} ranges in memory
     */
    public S3Settings {
        if (endpoint != null && (endpoint.getHost() == null || !isHttp(endpoint.getScheme()))) {
            throw new InvalidConfiguration("s3.endpoint", "'" + endpoint + "' is not an http:// or https:// URL");
        }
        if (region == null || region.isBlank()) {
            throw new InvalidConfiguration("s3.region", "missing (e.g. us-east-1)");
        }
        if (storageClass != null) {
            storageClass = storageClass.trim().toUpperCase(Locale.ROOT);
            if (StorageClass.fromValue(storageClass) == StorageClass.UNKNOWN_TO_SDK_VERSION) {
                throw new InvalidConfiguration("s3.storage_class", "'" + storageClass + "' is not one of "
                        + StorageClass.knownValues());
            }
        }
        requireBetween("s3.part_size_bytes", partSizeBytes, MIN_PART_SIZE, MAX_PART_SIZE);
        requireBetween("s3.upload_threads", uploadThreads, 1, MAX_UPLOAD_THREADS);
        requirePositive("s3.connect_timeout", connectTimeout);
        requirePositive("s3.read_timeout", readTimeout);
        requireBetween("s3.max_attempts", maxAttempts, 1, MAX_ATTEMPTS);
        requireBetween("s3.read_ahead_bytes", readAheadBytes, MIN_READ_AHEAD, MAX_READ_AHEAD);
        requireBetween("s3.download_threads", downloadThreads, 1, MAX_DOWNLOAD_THREADS);
    }

    /**
     * AWS in us-east-1, virtual-hosted URLs, bucket-default storage class, no object lock, 16 MiB parts, 4 upload
     * threads, whole-object reads by one streaming GET.
     *
     * @return the default settings
     */
    public static S3Settings defaults() {
        return new S3Settings(null, "us-east-1", false, null, null, 16 * MIB, 4, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 5, 4 * MIB, 1);
    }

    /**
     * The same settings with another endpoint.
     *
     * @param value an S3-compatible endpoint ({@code http(s)://host[:port]}), or null for AWS
     * @return a changed copy
     */
    public S3Settings withEndpoint(URI value) {
        return new S3Settings(value, region, pathStyle, storageClass, objectLock, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with another signing region.
     *
     * @param value the region, e.g. {@code eu-central-1}
     * @return a changed copy
     */
    public S3Settings withRegion(String value) {
        return new S3Settings(endpoint, value, pathStyle, storageClass, objectLock, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with path-style or virtual-hosted URLs.
     *
     * @param value true for {@code host/bucket/key} URLs (MinIO, S3Proxy)
     * @return a changed copy
     */
    public S3Settings withPathStyle(boolean value) {
        return new S3Settings(endpoint, region, value, storageClass, objectLock, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with another storage class for archives.
     *
     * @param value a storage class such as {@code STANDARD_IA}, or null for the bucket's default
     * @return a changed copy
     */
    public S3Settings withStorageClass(String value) {
        return new S3Settings(endpoint, region, pathStyle, value, objectLock, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with object-lock retention on every object written.
     *
     * @param value the retention, or null for none
     * @return a changed copy
     */
    public S3Settings withObjectLock(S3ObjectLock value) {
        return new S3Settings(endpoint, region, pathStyle, storageClass, value, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with another multipart part size.
     *
     * @param value bytes per part, 5 MiB to 1 GiB
     * @return a changed copy
     */
    public S3Settings withPartSizeBytes(int value) {
        return new S3Settings(endpoint, region, pathStyle, storageClass, objectLock, value, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with another number of parallel part uploads.
     *
     * @param value parts of one object uploaded in parallel, 1 to 64
     * @return a changed copy
     */
    public S3Settings withUploadThreads(int value) {
        return new S3Settings(endpoint, region, pathStyle, storageClass, objectLock, partSizeBytes, value,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with other timeouts.
     *
     * @param connect TCP connect timeout
     * @param read    longest wait for data on an open connection
     * @return a changed copy
     */
    public S3Settings withTimeouts(Duration connect, Duration read) {
        return new S3Settings(endpoint, region, pathStyle, storageClass, objectLock, partSizeBytes, uploadThreads,
                connect, read, maxAttempts, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with another number of attempts per request.
     *
     * @param value attempts, the first one included, 1 to 20
     * @return a changed copy
     */
    public S3Settings withMaxAttempts(int value) {
        return new S3Settings(endpoint, region, pathStyle, storageClass, objectLock, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, value, readAheadBytes, downloadThreads);
    }

    /**
     * The same settings with another read-ahead for random reads of archives.
     *
     * @param value bytes fetched per ranged GET, 64 KiB to 64 MiB
     * @return a changed copy
     */
    public S3Settings withReadAheadBytes(int value) {
        return new S3Settings(endpoint, region, pathStyle, storageClass, objectLock, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, value, downloadThreads);
    }

    /**
     * The same settings with another number of parallel ranged GETs for reads from start to end.
     *
     * @param value ranged GETs in parallel, 1 (one streaming GET) to 64
     * @return a changed copy
     */
    public S3Settings withDownloadThreads(int value) {
        return new S3Settings(endpoint, region, pathStyle, storageClass, objectLock, partSizeBytes, uploadThreads,
                connectTimeout, readTimeout, maxAttempts, readAheadBytes, value);
    }

    private static boolean isHttp(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    private static void requireBetween(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfiguration(key, value + " is not between " + min + " and " + max);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidConfiguration(key, value + " is not a positive duration");
        }
    }
}
