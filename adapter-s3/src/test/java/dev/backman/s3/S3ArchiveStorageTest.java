package dev.backman.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.contract.ArchiveStorageContract;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

class S3ArchiveStorageTest extends ArchiveStorageContract {
    private static final int MIB = 1024 * 1024;
    private static final S3Settings SMALL_PARTS = S3Settings.defaults().withPartSizeBytes(5 * MIB).withUploadThreads(2);

    @RegisterExtension
    static final S3ProxyServer server = new S3ProxyServer();
    private static final AtomicInteger repositories = new AtomicInteger();
    private static String bucket;

    private S3Location location;

    @BeforeAll
    static void createBucket() {
        bucket = server.newBucket();
    }

    @Override
    protected ArchiveStorage newStorage() {
        location = newLocation();
        return new S3ArchiveStorage(server.client(), location, SMALL_PARTS);
    }

    @Override
    protected long temporaryObjectCount(ArchiveStorage storage) {
        return unfinishedUploads(location);
    }

    @Test
    void objectsAreStoredUnderThePrefix() throws IOException {
        storage.put("archives/b1.zip", "zip".getBytes(UTF_8));

        assertThat(storage.location()).isEqualTo(location.toString()).startsWith("s3://" + bucket + "/repo-");
        assertThat(server.client().headObject(b -> b.bucket(bucket).key(location.prefix() + "/archives/b1.zip"))
                .contentLength()).isEqualTo(3);
    }

    @Test
    void multipartObjectRoundTripsWithRangedChannelReads() throws IOException {
        RequestLog log = new RequestLog();
        try (S3Client client = server.newClient(log);
                S3ArchiveStorage s3 = new S3ArchiveStorage(client, location, SMALL_PARTS.withReadAheadBytes(MIB))) {
            byte[] bytes = randomBytes(23 * MIB + 77, 11);
            try (StagedObject staged = s3.stage("archives/big.zip")) {
                staged.output().write(bytes);
                assertThat(staged.commit()).isEqualTo(bytes.length);
            }
            assertThat(log.sent(UploadPartRequest.class)).hasSize(5);
            assertThat(log.sent(UploadPartRequest.class)).allSatisfy(part -> assertThat(part.header(
                    "x-amz-checksum-crc32c")).isNotBlank());

            StoredObject stored = s3.find("archives/big.zip").orElseThrow();
            assertThat(stored.size()).isEqualTo(bytes.length);
            log.clear();
            try (SeekableByteChannel channel = stored.openChannel()) {
                assertThat(read(channel, bytes.length - 22, 22)).isEqualTo(tail(bytes, 22));
                int boundary = 5 * MIB; // a read across a part boundary
                assertThat(read(channel, boundary - 100, 200)).isEqualTo(slice(bytes, boundary - 100, 200));
                int wide = 12 * MIB + 5; // wider than the read-ahead window
                assertThat(read(channel, wide, 3 * MIB)).isEqualTo(slice(bytes, wide, 3 * MIB));
            }
            assertThat(log.sent(GetObjectRequest.class)).extracting(s -> ((GetObjectRequest) s.request()).range())
                    .doesNotContainNull().hasSize(1 + 1 + 3); // the wide read takes exactly three windows
        }
    }

    @Test
    void partsGoWithoutAPayloadHashOverHttpWhileManifestsKeepTheirs() throws IOException {
        RequestLog log = new RequestLog();
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                SMALL_PARTS)) {
            byte[] manifest = randomBytes(1_000, 17);
            s3.put("manifests/b1.json", manifest);
            try (StagedObject staged = s3.stage("archives/b1.tar")) {
                staged.output().write(randomBytes(11 * MIB, 19));
                staged.commit();
            }

            // the server checked each signature (it would refuse a wrong one) and each part's CRC-32C
            assertThat(log.transmitted(UploadPartRequest.class)).hasSize(3).allSatisfy(part -> {
                assertThat(part.header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
                assertThat(part.header("x-amz-checksum-crc32c")).isNotBlank();
            });
            assertThat(log.transmitted(PutObjectRequest.class)).singleElement()
                    .satisfies(put -> assertThat(put.header("x-amz-content-sha256")).isEqualTo(HexFormat.of().formatHex(sha256().digest(manifest))));
            assertThat(s3.read("manifests/b1.json")).hasValue(manifest);
        }
    }

    @Test
    void readIsOneGetForAnObjectAndForAMissingOne() {
        RequestLog log = new RequestLog();
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                SMALL_PARTS)) {
            byte[] bytes = randomBytes(10_000, 13);
            s3.put("manifests/b1.json", bytes);
            log.clear();

            assertThat(s3.read("manifests/b1.json")).hasValue(bytes);
            assertThat(s3.read("manifests/b2.json")).isEmpty();

            assertThat(log.sent()).extracting(sent -> sent.request().getClass().getSimpleName())
                    .containsExactly("GetObjectRequest", "GetObjectRequest");
        }
    }

    @Test
    void smallSequentialChannelReadsShareOneRangedGet() throws IOException {
        RequestLog log = new RequestLog();
        try (S3Client client = server.newClient(log);
                S3ArchiveStorage s3 = new S3ArchiveStorage(client, location, SMALL_PARTS.withReadAheadBytes(MIB))) {
            byte[] bytes = randomBytes(3 * MIB, 12);
            s3.put("archives/b1.zip", bytes);
            log.clear();
            try (SeekableByteChannel channel = s3.find("archives/b1.zip").orElseThrow().openChannel()) {
                for (int position = 0; position < 500_000; position += 1000) {
                    assertThat(read(channel, position, 100)).isEqualTo(slice(bytes, position, 100));
                }
            }
            assertThat(log.sent(GetObjectRequest.class)).hasSize(1);
        }
    }

    @Test
    void rangedReadStartsAgainWhenTheResponseBodyBreaksOff() throws IOException {
        RequestLog log = new RequestLog();
        try (S3Client client = server.newClient(log);
                S3ArchiveStorage s3 = new S3ArchiveStorage(client, location, SMALL_PARTS.withReadAheadBytes(MIB))) {
            byte[] bytes = randomBytes(2 * MIB, 16);
            s3.put("archives/b1.zip", bytes);
            log.breakResponseBodies(GetObjectRequest.class::isInstance, 1);
            log.clear();

            try (SeekableByteChannel channel = s3.find("archives/b1.zip").orElseThrow().openChannel()) {
                assertThat(read(channel, 100, 1000)).isEqualTo(slice(bytes, 100, 1000));
            }
            assertThat(log.sent(GetObjectRequest.class)).hasSize(2);
        }
    }

    @Test
    void uploadHoldsAtMostThreadsPlusOnePartBuffersWhateverTheObjectSize() throws IOException {
        // slow part uploads let the writer run ahead: only the buffer bound can stop it from allocating more
        RequestLog slowParts = new RequestLog().delay(UploadPartRequest.class::isInstance, 150);
        try (S3Client client = server.newClient(slowParts);
                S3ArchiveStorage s3 = new S3ArchiveStorage(client, location, SMALL_PARTS)) {
            MessageDigest written = sha256();
            long size;
            try (StagedObject staged = s3.stage("archives/huge.tar")) {
                Random random = new Random(13);
                byte[] chunk = new byte[MIB];
                for (int i = 0; i < 42; i++) {
                    random.nextBytes(chunk);
                    written.update(chunk);
                    staged.output().write(chunk);
                }
                size = staged.commit();
            }

            assertThat(size).isEqualTo(42L * MIB);
            assertThat(slowParts.sent(UploadPartRequest.class)).hasSize(9);
            assertThat(s3.partBuffersAllocated()).isBetween(2L, 3L);
            assertThat(digestOf(s3.find("archives/huge.tar").orElseThrow())).isEqualTo(written.digest());
        }
    }

    @Test
    void closingAnUnfinishedMultipartStageAbortsItsUpload() throws IOException {
        StagedObject staged = storage.stage("archives/abandoned.tar");
        staged.output().write(randomBytes(11 * MIB, 14));
        assertThat(unfinishedUploads(location)).isEqualTo(1);

        staged.close();

        assertThat(unfinishedUploads(location)).isZero();
        assertThat(storage.find("archives/abandoned.tar")).isEmpty();
        assertThat(storage.list("")).isEmpty();
    }

    @Test
    void removeLeftoversAbortsUploadsOfDeadWritersUnderThePrefixOnly() throws IOException {
        S3Client client = server.client();
        S3Location other = newLocation();
        String dead = client.createMultipartUpload(b -> b.bucket(bucket).key(location.objectKey("archives/b9.zip")))
                .uploadId();
        client.uploadPart(b -> b.bucket(bucket).key(location.objectKey("archives/b9.zip")).uploadId(dead)
                .partNumber(1), software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[100]));
        client.createMultipartUpload(b -> b.bucket(bucket).key(location.objectKey("manifests/b9.json")));
        client.createMultipartUpload(b -> b.bucket(bucket).key(other.objectKey("archives/b1.zip")));
        storage.put("archives/b1.zip", new byte[1]);

        storage.removeLeftovers();

        assertThat(unfinishedUploads(location)).isZero();
        assertThat(unfinishedUploads(other)).as("another repository's upload").isEqualTo(1);
        assertThat(storage.list("")).containsExactly(new ObjectInfo("archives/b1.zip", 1));
    }

    @Test
    void storageClassAppliesToArchivesOnly() throws IOException {
        RequestLog log = new RequestLog();
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                SMALL_PARTS.withStorageClass("standard_ia"))) {
            s3.put("archives/b1.zip", new byte[10]);
            s3.put("manifests/b1.json", new byte[10]);
            s3.put("backman.repo.json", new byte[10]);
            try (StagedObject staged = s3.stage("archives/b2.tar")) {
                staged.output().write(new byte[6 * MIB]);
                staged.commit();
            }

            assertThat(storageClassOf("archives/b1.zip")).isEqualTo(StorageClass.STANDARD_IA);
            assertThat(storageClassOf("manifests/b1.json")).isIn(null, StorageClass.STANDARD);
            assertThat(storageClassOf("backman.repo.json")).isIn(null, StorageClass.STANDARD);
            assertThat(log.sent(PutObjectRequest.class)).extracting(s -> s.header("x-amz-storage-class"))
                    .containsExactly("STANDARD_IA", "STANDARD", "STANDARD");
            assertThat(log.sent(CreateMultipartUploadRequest.class)).extracting(s -> s.header("x-amz-storage-class"))
                    .containsExactly("STANDARD_IA");
        }
    }

    @Test
    void objectLockRetentionIsSetOnEveryObjectWritten() throws IOException {
        // S3Proxy does not implement object lock: record the headers, then send the requests without them
        RequestLog log = new RequestLog().dropHeaders("x-amz-object-lock-");
        try (S3Client client = server.newClient(log); S3ArchiveStorage s3 = new S3ArchiveStorage(client, location,
                SMALL_PARTS.withObjectLock(S3ObjectLock.of("compliance", 30)))) {
            Instant before = Instant.now();
            s3.put("manifests/b1.json", new byte[10]);
            try (StagedObject staged = s3.stage("archives/b1.tar")) {
                staged.output().write(new byte[6 * MIB]);
                staged.commit();
            }
            Instant after = Instant.now();

            var writes = log.sent().stream().filter(s -> s.request() instanceof PutObjectRequest
                    || s.request() instanceof CreateMultipartUploadRequest).toList();
            assertThat(writes).hasSize(2).allSatisfy(write -> {
                assertThat(write.header("x-amz-object-lock-mode")).isEqualTo("COMPLIANCE");
                assertThat(Instant.parse(write.header("x-amz-object-lock-retain-until-date")))
                        .isBetween(before.plus(Duration.ofDays(30)).minusSeconds(1),
                                after.plus(Duration.ofDays(30)).plusSeconds(1));
            });
        }
    }

    @Test
    void emptyObjectIsStoredAndReadBack() throws IOException {
        try (StagedObject staged = storage.stage("manifests/empty.json")) {
            assertThat(staged.commit()).isZero();
        }
        StoredObject stored = storage.find("manifests/empty.json").orElseThrow();
        assertThat(stored.size()).isZero();
        try (SeekableByteChannel channel = stored.openChannel()) {
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void objectOfExactlyOnePartIsASinglePut() throws IOException {
        RequestLog log = new RequestLog();
        try (S3Client client = server.newClient(log);
                S3ArchiveStorage s3 = new S3ArchiveStorage(client, location, SMALL_PARTS)) {
            byte[] bytes = randomBytes(5 * MIB, 15);
            s3.put("archives/b1.zip", bytes);

            assertThat(log.sent(CreateMultipartUploadRequest.class)).isEmpty();
            assertThat(log.sent(PutObjectRequest.class)).hasSize(1);
            assertThat(digestOf(s3.find("archives/b1.zip").orElseThrow())).isEqualTo(sha256().digest(bytes));
        }
    }

    private StorageClass storageClassOf(String key) {
        return server.client().headObject(b -> b.bucket(bucket).key(location.objectKey(key))).storageClass();
    }

    private static S3Location newLocation() {
        return new S3Location(bucket, "repo-" + repositories.incrementAndGet());
    }

    private static long unfinishedUploads(S3Location where) {
        return server.client().listMultipartUploads(b -> b.bucket(where.bucket()).prefix(where.keyPrefix()))
                .uploads().size();
    }

    private static byte[] read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        return Arrays.copyOfRange(bytes, from, from + length);
    }

    private static byte[] tail(byte[] bytes, int length) {
        return slice(bytes, bytes.length - length, length);
    }

    private static byte[] digestOf(StoredObject stored) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = stored.openStream()) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
