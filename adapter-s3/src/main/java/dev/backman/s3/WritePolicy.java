package dev.backman.s3;

import dev.backman.domain.model.RepositoryLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The attributes of a new object: its storage class (the configured one for archives only, because manifests and
 * the descriptor are small and read often) and its object-lock retention, counted from the moment of writing.
 */
final class WritePolicy {
    private final S3Location location;
    private final StorageClass archiveClass;
    private final S3ObjectLock lock;
    private final Clock clock;

    WritePolicy(S3Location location, S3Settings settings, Clock clock) {
        this.location = location;
        this.archiveClass = settings.storageClass() == null ? null : StorageClass.fromValue(settings.storageClass());
        this.lock = settings.objectLock();
        this.clock = clock;
    }

    boolean locksObjects() {
        return lock != null;
    }

    PutObjectRequest put(String key, long length, String crc32c) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.objectKey(key))
                .contentLength(length)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
                .checksumCRC32C(crc32c)
                .storageClass(storageClass(key));
        if (lock != null) {
            request.objectLockMode(ObjectLockMode.fromValue(lock.mode().name())).objectLockRetainUntilDate(retainUntil());
        }
        return request.build();
    }

    CreateMultipartUploadRequest createUpload(String key) {
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder()
                .bucket(location.bucket())
                .key(location.objectKey(key))
                .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
                .storageClass(storageClass(key));
        if (lock != null) {
            request.objectLockMode(ObjectLockMode.fromValue(lock.mode().name())).objectLockRetainUntilDate(retainUntil());
        }
        return request.build();
    }

    /** The configured class for archives, STANDARD for the rest; null (the bucket's default) when none is set. */
    StorageClass storageClass(String key) {
        if (archiveClass == null) {
            return null;
        }
        return key.startsWith(RepositoryLayout.ARCHIVES) ? archiveClass : StorageClass.STANDARD;
    }

    private Instant retainUntil() {
        return clock.instant().plus(Duration.ofDays(lock.days()));
    }
}
