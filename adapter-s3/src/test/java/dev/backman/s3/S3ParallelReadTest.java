package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** Whole-object streams read by parallel ranged GETs ({@code downloadThreads > 1}) against a real S3 server. */
class S3ParallelReadTest {
    private static final int RANGE = S3Settings.DOWNLOAD_RANGE_SIZE;
    private static final S3Settings PARALLEL = S3Settings.defaults().withPartSizeBytes(S3Settings.MIN_PART_SIZE)
            .withUploadThreads(2).withDownloadThreads(3);

    @RegisterExtension
    static final S3ProxyServer server = new S3ProxyServer();

    private final RequestLog log = new RequestLog();
    private S3Location location;

    @BeforeEach
    void newRepository() {
        location = new S3Location(server.newBucket(), "repo");
    }

    @Test
    void largeObjectIsReadInOrderByRangedGetsPinnedToItsETag() throws IOException {
        byte[] bytes = randomBytes(2 * RANGE + 1234);
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                PARALLEL)) {
            write(s3, bytes);
            String eTag = client.headObject(b -> b.bucket(location.bucket()).key("repo/archives/b1.tar")).eTag();
            log.clear();

            assertThat(readAll(s3.find("archives/b1.tar").orElseThrow())).isEqualTo(bytes);

            assertThat(log.sent(GetObjectRequest.class)).extracting(s -> ((GetObjectRequest) s.request()).range())
                    .containsExactlyInAnyOrder("bytes=0-" + (RANGE - 1), "bytes=" + RANGE + "-" + (2 * RANGE - 1),
                            "bytes=" + 2 * RANGE + "-" + (2 * RANGE + 1233));
            assertThat(log.sent(GetObjectRequest.class)).extracting(s -> ((GetObjectRequest) s.request()).ifMatch())
                    .containsOnly(eTag);
        }
    }

    @Test
    void rangeWhoseBodyBreaksOffIsFetchedAgain() throws IOException {
        byte[] bytes = randomBytes(RANGE + 77);
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                PARALLEL)) {
            write(s3, bytes);
            log.breakResponseBodies(GetObjectRequest.class::isInstance, 1);
            log.clear();

            assertThat(readAll(s3.find("archives/b1.tar").orElseThrow())).isEqualTo(bytes);
            assertThat(log.sent(GetObjectRequest.class)).as("two ranges, one of them twice").hasSize(3);
        }
    }

    @Test
    void rangeRefusedBecauseTheObjectChangedFailsTheReadAfterTheBytesBeforeIt() throws IOException {
        byte[] bytes = randomBytes(5 * RANGE);
        // S3 answers 412 to a GET whose If-Match no longer matches; the test server ignores If-Match, so say it here
        ExecutionInterceptor replacedAfterThreeRanges = new ExecutionInterceptor() {
            @Override
            public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                    ExecutionAttributes attributes) {
                if (context.request() instanceof GetObjectRequest get && get.range() != null
                        && get.range().startsWith("bytes=" + 3 * RANGE + "-")) {
                    return context.httpResponse().toBuilder().statusCode(412).statusText("Precondition Failed")
                            .build();
                }
                return context.httpResponse();
            }

            @Override
            public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                    ExecutionAttributes attributes) {
                if (context.httpResponse().statusCode() == 412) {
                    String xml = "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions "
                            + "you specified did not hold</Message></Error>";
                    return Optional.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                }
                return context.responseBody();
            }
        };
        try (S3Client client = server.newClient(replacedAfterThreeRanges);
                S3ArchiveStorage s3 = new S3ArchiveStorage(client, location, PARALLEL)) {
            write(s3, bytes);
            try (InputStream in = s3.find("archives/b1.tar").orElseThrow().openStream()) {
                assertThat(in.readNBytes(3 * RANGE)).isEqualTo(Arrays.copyOf(bytes, 3 * RANGE));

                assertThatThrownBy(in::read).isInstanceOfSatisfying(StorageFailure.class,
                        failure -> assertThat(failure.getMessage()).contains("cannot read archives/b1.tar"));
            }
        }
    }

    @Test
    void objectOfOneRangeOrLessIsReadByOneGet() throws IOException {
        byte[] bytes = randomBytes(RANGE);
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                PARALLEL)) {
            write(s3, bytes);
            log.clear();

            assertThat(readAll(s3.find("archives/b1.tar").orElseThrow())).isEqualTo(bytes);
            assertThat(log.sent(GetObjectRequest.class)).singleElement()
                    .satisfies(s -> assertThat(((GetObjectRequest) s.request()).range()).isNull());
        }
    }

    @Test
    void oneDownloadThreadReadsWithOneStreamingGet() throws IOException {
        byte[] bytes = randomBytes(2 * RANGE + 1);
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                PARALLEL.withDownloadThreads(1))) {
            write(s3, bytes);
            log.clear();

            assertThat(readAll(s3.find("archives/b1.tar").orElseThrow())).isEqualTo(bytes);
            assertThat(log.sent(GetObjectRequest.class)).hasSize(1);
        }
    }

    @Test
    void aStreamClosedEarlyStopsReadingTheObject() throws Exception {
        byte[] bytes = randomBytes(6 * RANGE);
        try (CountingRelay relay = new CountingRelay(server.endpoint().getPort());
                S3Client client = server.newClientVia(relay.port())) {
            // one streaming GET: closing it must not leave the HTTP stack draining the rest of the body
            assertThat(readFirstBytesThenClose(client, bytes, PARALLEL.withDownloadThreads(1), relay))
                    .isLessThan(RANGE);
            // ranged GETs: the ranges in flight (at most threads + 1) complete, no further ones start
            assertThat(readFirstBytesThenClose(client, bytes, PARALLEL.withDownloadThreads(2), relay))
                    .isLessThanOrEqualTo(3L * RANGE + 64 * 1024);
        }
    }

    /** Bytes the server sent for a read of the first 64 KiB of {@code bytes}, stored as an archive. */
    private long readFirstBytesThenClose(S3Client client, byte[] bytes, S3Settings settings, CountingRelay relay)
            throws Exception {
        try (S3ArchiveStorage s3 = new S3ArchiveStorage(client, location, settings)) {
            write(s3, bytes);
            long before = relay.bytesFromServer();
            try (InputStream in = s3.find("archives/b1.tar").orElseThrow().openStream()) {
                assertThat(in.readNBytes(64 * 1024)).isEqualTo(Arrays.copyOf(bytes, 64 * 1024));
            }
            Thread.sleep(500); // what an HTTP stack draining a closed response, or a late range, would send by now
            return relay.bytesFromServer() - before;
        }
    }

    private static void write(S3ArchiveStorage s3, byte[] bytes) throws IOException {
        try (StagedObject staged = s3.stage("archives/b1.tar")) {
            staged.output().write(bytes);
            staged.commit();
        }
    }

    private static byte[] readAll(StoredObject stored) throws IOException {
        try (InputStream in = stored.openStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
