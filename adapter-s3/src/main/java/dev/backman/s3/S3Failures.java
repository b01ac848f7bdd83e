package dev.backman.s3;

import dev.backman.domain.error.ObjectLocked;
import dev.backman.domain.error.StorageFailure;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Turns AWS SDK exceptions into {@link StorageFailure}s that say what to do, and whether trying again may help:
 * yes for 5xx, throttling, timeouts and network errors; no for missing buckets, credentials and permissions.
 */
final class S3Failures {
    private static final Set<String> DENIED = Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AllAccessDisabled", "AccountProblem");
    private static final Set<String> CHECKSUM_MISMATCH = Set.of("BadDigest", "XAmzContentChecksumMismatch",
            "XAmzContentSHA256Mismatch");
    private static final Set<String> WRONG_REGION = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException");

    private final String location;
    private final String bucket;
    private final String endpoint;
    private final String region;

    S3Failures(S3Location location, String endpoint, String region) {
        this.location = location.toString();
        this.bucket = location.bucket();
        this.endpoint = endpoint;
        this.region = region;
    }

    String location() {
        return location;
    }

    String endpoint() {
        return endpoint;
    }

    /** A failure of {@code action} (e.g. "cannot write archives/b1.zip") caused by {@code e}. */
    StorageFailure of(String action, SdkException e) {
        if (e instanceof AwsServiceException service) {
            return serviceFailure(action, service);
        }
        return clientFailure(action, e);
    }

    /** Deleting {@code key} was refused because object lock keeps it until {@code until} (null when unknown). */
    ObjectLocked locked(String key, Instant until, AwsServiceException e) {
        return new ObjectLocked(location, key, until, e);
    }

    static boolean isChecksumMismatch(Throwable t) {
        return t instanceof AwsServiceException e && CHECKSUM_MISMATCH.contains(errorCode(e));
    }

    /** S3's error code, or "" when there is none (HEAD responses have no body). */
    static String errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    private StorageFailure serviceFailure(String action, AwsServiceException e) {
        String code = errorCode(e);
        int status = e.statusCode();
        if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
            return fail(action, "bucket " + bucket + " does not exist (create it or correct the location)", false, e);
        }
        if (WRONG_REGION.contains(code) || status == 301) {
            return fail(action, "bucket " + bucket + " is not in region " + region + " (set s3.region)", false, e);
        }
        if ("RequestTimeTooSkewed".equals(code)) {
            return fail(action, "this machine's clock is wrong; S3 rejects the request signature (fix the time)",
                    false, e);
        }
        if (status == 403 || DENIED.contains(code)) {
            return fail(action, "access denied to " + location + " (" + (code.isEmpty() ? "" : code + "; ")
                    + "check AWS credentials and the bucket's policy)", false, e);
        }
        if (CHECKSUM_MISMATCH.contains(code)) {
            return fail(action, "the data was damaged in transit (checksum mismatch); try again", true, e);
        }
        if (status == 412) {
            return fail(action, "the object was replaced while it was read; try again", true, e);
        }
        if (status == 501) {
            return fail(action, "the endpoint " + endpoint + " does not implement this request: " + message(e), false, e);
        }
        if (e.isThrottlingException() || status == 429 || status >= 500) {
            return fail(action, "S3 is busy or unavailable (HTTP " + status + detail(code) + "); try again later",
                    true, e);
        }
        return fail(action, message(e) + " (HTTP " + status + detail(code) + ")", false, e);
    }

    private StorageFailure clientFailure(String action, SdkException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("Unable to load credentials")) {
            return fail(action, "no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                    + "or AWS_PROFILE, as for the AWS CLI)", false, e);
        }
        SSLException tls = cause(e, SSLException.class);
        if (tls != null) {
            return fail(action, "TLS with endpoint " + endpoint + " failed: " + tls.getMessage(), false, e);
        }
        IOException io = cause(e, IOException.class);
        if (io != null || e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return fail(action, "cannot reach endpoint " + endpoint + " (" + describe(io == null ? e : io) + ")",
                    true, e);
        }
        if (e instanceof AbortedException) {
            return fail(action, "interrupted", false, e);
        }
        return fail(action, text, e.retryable(), e);
    }

    private StorageFailure fail(String action, String problem, boolean retryable, Throwable cause) {
        return new StorageFailure(location, action + ": " + problem, retryable, cause);
    }

    private static String detail(String code) {
        return code.isEmpty() ? "" : " " + code;
    }

    private static String message(AwsServiceException e) {
        String text = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
    }
}
