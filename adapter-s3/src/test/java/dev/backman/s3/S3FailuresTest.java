package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.error.StorageFailure;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3FailuresTest {
    private final S3Failures failures = new S3Failures(S3Location.parse("s3://backups/team"),
            "https://s3.eu-west-3.amazonaws.com", "eu-west-3");

    @Test
    void serverErrorsAndThrottlingAreRetryable() {
        assertThat(failures.of("cannot write k", service(503, "SlowDown"))).satisfies(failure -> {
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).contains("cannot write k: S3 is busy or unavailable (HTTP 503 SlowDown)");
        });
        assertThat(failures.of("cannot write k", service(500, "InternalError")).retryable()).isTrue();
        assertThat(failures.of("cannot write k", service(429, "")).retryable()).isTrue();
    }

    @Test
    void unimplementedRequestsAreNotRetryable() {
        StorageFailure failure = failures.of("cannot write k", service(501, "NotImplemented"));
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("does not implement");
    }

    @Test
    void missingCredentialsSayWhereCredentialsComeFrom() {
        StorageFailure failure = failures.of("cannot list ''", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain"));
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("no AWS credentials found", "AWS_ACCESS_KEY_ID", "AWS_PROFILE");
    }

    @Test
    void networkErrorsAndTimeoutsAreRetryableAndNameTheEndpoint() {
        SdkClientException dns = SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("s3.eu-west-3.amazonaws.com"));
        assertThat(failures.of("cannot list ''", dns)).satisfies(failure -> {
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).contains("cannot reach endpoint https://s3.eu-west-3.amazonaws.com");
        });
        assertThat(failures.of("cannot list ''", ApiCallTimeoutException.create(1000)).retryable()).isTrue();
    }

    @Test
    void wrongRegionAndClockSkewSayWhatToFix() {
        assertThat(failures.of("cannot list ''", service(301, "PermanentRedirect")).getMessage())
                .contains("bucket backups is not in region eu-west-3 (set s3.region)");
        assertThat(failures.of("cannot list ''", service(403, "RequestTimeTooSkewed")).getMessage())
                .contains("clock");
    }

    @Test
    void otherClientErrorsAreNotRetryable() {
        StorageFailure failure = failures.of("cannot write k", service(400, "InvalidArgument"));
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("HTTP 400 InvalidArgument");
    }

    private static S3Exception service(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("message from S3").build())
                .build();
    }
}
