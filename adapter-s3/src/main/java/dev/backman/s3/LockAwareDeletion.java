package dev.backman.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;

/**
 * Deletes objects of a repository that locks what it writes. A plain delete on a versioned bucket only hides the
 * object behind a delete marker while its locked version stays billed, so the current version is deleted by id;
 * S3 refuses that until the retention date, which the {@link dev.backman.domain.error.ObjectLocked} failure then
 * names.
 */
final class LockAwareDeletion {
    private final S3Client client;
    private final S3Location location;
    private final S3Failures failures;

    LockAwareDeletion(S3Client client, S3Location location, S3Failures failures) {
        this.client = client;
        this.location = location;
        this.failures = failures;
    }

    void delete(String key) {
        String objectKey = location.objectKey(key);
        HeadObjectResponse head;
        try {
            head = client.headObject(b -> b.bucket(location.bucket()).key(objectKey));
        } catch (NoSuchKeyException e) {
            return;
        }
        String version = head.versionId();
        try {
            client.deleteObject(b -> b.bucket(location.bucket()).key(objectKey).versionId(version));
        } catch (AwsServiceException e) {
            if (isRetentionRefusal(e) && isLocked(head, e)) {
                throw failures.locked(key, head.objectLockRetainUntilDate(), e);
            }
            throw e; // e.g. no s3:DeleteObjectVersion permission: reported as access denied
        }
    }

    private static boolean isLocked(HeadObjectResponse head, AwsServiceException e) {
        return head.objectLockRetainUntilDate() != null || head.objectLockMode() != null
                || head.objectLockLegalHoldStatus() == ObjectLockLegalHoldStatus.ON
                || "InvalidRequest".equals(S3Failures.errorCode(e));
    }

    /** S3 answers 403 AccessDenied (or 400 InvalidRequest on some stores) to deleting a version under retention. */
    private static boolean isRetentionRefusal(AwsServiceException e) {
        String code = S3Failures.errorCode(e);
        return e.statusCode() == 403 || "AccessDenied".equals(code) || "InvalidRequest".equals(code);
    }
}
