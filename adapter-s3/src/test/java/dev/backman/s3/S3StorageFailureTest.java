package dev.backman.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.ObjectLocked;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.port.StagedObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

class S3StorageFailureTest {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final S3ProxyServer server = new S3ProxyServer();

    @Test
    void wrongSecretKeyIsANonRetryableFailureNamingTheCredentials() {
        S3Location location = new S3Location(server.newBucket(), "repo");
        try (S3Client client = server.newClient("not-the-secret");
                S3ArchiveStorage storage = new S3ArchiveStorage(client, location, S3Settings.defaults())) {
            for (Runnable operation : new Runnable[] {
                    () -> storage.put("archives/b1.zip", new byte[1]),
                    () -> storage.list(""),
                    () -> storage.find("archives/b1.zip")}) {
                assertThatThrownBy(operation::run).isInstanceOfSatisfying(StorageFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.location()).isEqualTo("s3://" + location.bucket() + "/repo");
                    assertThat(failure.getMessage()).contains("access denied to s3://" + location.bucket() + "/repo")
                            .contains("check AWS credentials");
                });
            }
        }
    }

    @Test
    void missingBucketIsNamedInEveryOperation() {
        S3Location location = new S3Location("no-such-bucket", "repo");
        try (S3ArchiveStorage storage = new S3ArchiveStorage(server.client(), location, S3Settings.defaults())) {
            for (Runnable operation : new Runnable[] {
                    () -> storage.put("backman.repo.json", new byte[1]),
                    () -> storage.list(""),
                    () -> storage.find("backman.repo.json"),
                    () -> storage.read("backman.repo.json"),
                    storage::removeLeftovers}) {
                assertThatThrownBy(operation::run).isInstanceOfSatisfying(StorageFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).contains("bucket no-such-bucket does not exist");
                });
            }
        }
    }

    @Test
    void endpointNotListeningIsARetryableFailureNamingTheEndpoint() throws IOException {
        URI endpoint = URI.create("http://127.0.0.1:" + freePort());
        S3Settings settings = S3Settings.defaults().withEndpoint(endpoint).withPathStyle(true).withMaxAttempts(2)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
        withDefaultChainCredentials(() -> {
            try (S3ArchiveStorage storage = new S3ArchiveStorage(new S3Location("backups", "repo"), settings)) {
                assertThatThrownBy(() -> storage.list("")).isInstanceOfSatisfying(StorageFailure.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).contains("cannot reach endpoint " + endpoint);
                });
            }
            return null;
        });
    }

    @Test
    void storageBuiltFromSettingsUsesTheDefaultCredentialChain() throws IOException {
        S3Location location = new S3Location(server.newBucket(), "repo");
        S3Settings settings = S3Settings.defaults().withEndpoint(server.endpoint()).withPathStyle(true);
        String read = withDefaultChainCredentials(() -> {
            try (S3ArchiveStorage storage = new S3ArchiveStorage(location, settings)) {
                storage.put("backman.repo.json", "{}".getBytes(UTF_8));
                try (InputStream in = storage.find("backman.repo.json").orElseThrow().openStream()) {
                    return new String(in.readAllBytes(), UTF_8);
                }
            }
        });
        assertThat(read).isEqualTo("{}");
    }

    @Test
    void corruptedPartIsRejectedByTheServerThroughItsChecksum() throws IOException {
        S3Location location = new S3Location(server.newBucket(), "repo");
        RequestLog damaging = new RequestLog().damageBodies(UploadPartRequest.class::isInstance);
        try (S3Client client = server.newClient(damaging); S3ArchiveStorage storage = new S3ArchiveStorage(client,
                location, S3Settings.defaults().withPartSizeBytes(5 * MIB))) {
            StagedObject staged = storage.stage("archives/b1.tar");
            staged.output().write(new byte[6 * MIB]);

            assertThatThrownBy(staged::commit).isInstanceOfSatisfying(StorageFailure.class, failure -> {
                assertThat(failure.getMessage()).contains("cannot write archives/b1.tar", "checksum mismatch");
                assertThat(failure.retryable()).isTrue();
            });
            staged.close();

            assertThat(storage.find("archives/b1.tar")).isEmpty();
            assertThat(server.client().listMultipartUploads(b -> b.bucket(location.bucket())).uploads()).isEmpty();
        }
    }

    @Test
    void deletingALockedObjectSaysUntilWhen() {
        S3Location location = new S3Location(server.newBucket(), "repo");
        RequestLog withoutLockHeaders = new RequestLog().dropHeaders("x-amz-object-lock-");
        try (S3Client client = server.newClient(withoutLockHeaders, new LockedBucket("2031-05-01T00:00:00Z"));
                S3ArchiveStorage storage = new S3ArchiveStorage(client, location,
                        S3Settings.defaults().withObjectLock(new S3ObjectLock(S3ObjectLock.Mode.GOVERNANCE, 30)))) {
            storage.put("archives/b1.zip", new byte[1]);

            assertThatThrownBy(() -> storage.delete("archives/b1.zip"))
                    .isInstanceOfSatisfying(ObjectLocked.class, failure -> {
                        assertThat(failure.key()).isEqualTo("archives/b1.zip");
                        assertThat(failure.until()).isEqualTo(Instant.parse("2031-05-01T00:00:00Z"));
                        assertThat(failure.getMessage()).isEqualTo("storage s3://" + location.bucket() + "/repo: "
                                + "cannot delete archives/b1.zip: the object is locked until 2031-05-01T00:00:00Z");
                    });
            assertThat(withoutLockHeaders.sent(DeleteObjectRequest.class))
                    .extracting(s -> ((DeleteObjectRequest) s.request()).versionId()).containsExactly("v1");
        }
    }

    /** Answers like a bucket with object lock: HEAD reports a retention date, deleting a version is denied. */
    private static final class LockedBucket implements ExecutionInterceptor {
        private final String retainUntil;

        LockedBucket(String retainUntil) {
            this.retainUntil = retainUntil;
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (context.request() instanceof HeadObjectRequest && context.httpResponse().isSuccessful()) {
                return context.httpResponse().toBuilder()
                        .putHeader("x-amz-version-id", "v1")
                        .putHeader("x-amz-object-lock-mode", "GOVERNANCE")
                        .putHeader("x-amz-object-lock-retain-until-date", retainUntil)
                        .build();
            }
            if (context.request() instanceof DeleteObjectRequest) {
                return context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden").build();
            }
            return context.httpResponse();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                ExecutionAttributes attributes) {
            if (context.request() instanceof DeleteObjectRequest) {
                String xml = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
                return Optional.of(new ByteArrayInputStream(xml.getBytes(UTF_8)));
            }
            return context.responseBody();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code action} with test credentials in the system properties, the first source of the default chain. */
    private static <T> T withDefaultChainCredentials(ThrowingSupplier<T> action) throws IOException {
        String id = System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        String secret = System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        try {
            return action.get();
        } finally {
            restore("aws.accessKeyId", id);
            restore("aws.secretAccessKey", secret);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws IOException;
    }
}
