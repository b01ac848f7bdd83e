package dev.backman.domain.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ArchiveStorage} must have. An implementation's test extends this class and supplies a
 * fresh, empty storage per test.
 */
public abstract class ArchiveStorageContract {
    private static final int MIB = 1024 * 1024;

    protected ArchiveStorage storage;

    /** A new storage over an empty location, private to the current test. */
    protected abstract ArchiveStorage newStorage();

    /**
     * How many temporary objects (staged files, unfinished uploads) the storage holds right now; the contract checks
     * that abandoned writes leave none behind.
     */
    protected abstract long temporaryObjectCount(ArchiveStorage storage) throws IOException;

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void putObjectReadsBackTheSameBytesAsStreamAndChannel() throws IOException {
        byte[] bytes = "hello, backman".getBytes(UTF_8);
        storage.put("archives/b1.zip", bytes);

        StoredObject stored = storage.find("archives/b1.zip").orElseThrow();
        assertThat(stored.key()).isEqualTo("archives/b1.zip");
        assertThat(stored.size()).isEqualTo(bytes.length);
        try (InputStream in = stored.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (SeekableByteChannel channel = stored.openChannel()) {
            assertThat(channel.size()).isEqualTo(bytes.length);
            assertThat(readFully(channel, 0, bytes.length)).isEqualTo(bytes);
        }
    }

    @Test
    void channelReadsAtAnyPosition() throws IOException {
        byte[] bytes = randomBytes(100_000, 1);
        storage.put("archives/random.zip", bytes);

        try (SeekableByteChannel channel = storage.find("archives/random.zip").orElseThrow().openChannel()) {
            // zip readers start at the end (central directory), then jump back
            assertThat(readFully(channel, 99_000, 1_000)).isEqualTo(Arrays.copyOfRange(bytes, 99_000, 100_000));
            assertThat(readFully(channel, 10, 500)).isEqualTo(Arrays.copyOfRange(bytes, 10, 510));
            assertThat(readFully(channel, 50_000, 7)).isEqualTo(Arrays.copyOfRange(bytes, 50_000, 50_007));
            channel.position(bytes.length);
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void stagedObjectIsInvisibleUntilCommitted() throws IOException {
        try (StagedObject staged = storage.stage("archives/b1.tar")) {
            staged.output().write("partial".getBytes(UTF_8));
            staged.output().flush();

            assertThat(storage.find("archives/b1.tar")).isEmpty();
            assertThat(storage.list("")).isEmpty();

            staged.output().write(" and the rest".getBytes(UTF_8));
            assertThat(staged.commit()).isEqualTo("partial and the rest".length());
        }
        assertThat(read("archives/b1.tar")).isEqualTo("partial and the rest");
        assertThat(storage.list("")).containsExactly(new ObjectInfo("archives/b1.tar", 20));
    }

    @Test
    void closingWithoutCommitLeavesNothingBehind() throws IOException {
        StagedObject staged = storage.stage("archives/abandoned.zip");
        staged.output().write(randomBytes(300_000, 2));
        staged.close();
        staged.close(); // idempotent

        assertThat(storage.find("archives/abandoned.zip")).isEmpty();
        assertThat(storage.list("")).isEmpty();
        assertThat(temporaryObjectCount(storage)).isZero();
        storage.removeLeftovers();
        assertThat(temporaryObjectCount(storage)).isZero();
        assertThat(storage.list("")).isEmpty();
    }

    @Test
    void closingAfterCommitKeepsTheObject() throws IOException {
        StagedObject staged = storage.stage("manifests/b1.json");
        staged.output().write("{}".getBytes(UTF_8));
        staged.commit();
        staged.close();

        assertThat(read("manifests/b1.json")).isEqualTo("{}");
        assertThat(temporaryObjectCount(storage)).isZero();
    }

    @Test
    void commitReplacesAnExistingObject() throws IOException {
        storage.put("backman.repo.json", "old contents, longer".getBytes(UTF_8));
        storage.put("backman.repo.json", "new".getBytes(UTF_8));

        assertThat(read("backman.repo.json")).isEqualTo("new");
        assertThat(storage.find("backman.repo.json").orElseThrow().size()).isEqualTo(3);
        assertThat(storage.list("")).extracting(ObjectInfo::key).containsExactly("backman.repo.json");
    }

    @Test
    void listReturnsKeysWithThePrefixSortedByKey() {
        storage.put("archives/b2.zip", new byte[2]);
        storage.put("archives/b10.zip", new byte[10]);
        storage.put("archives/b1.tar.zst", new byte[1]);
        storage.put("manifests/b1.json", new byte[3]);
        storage.put("archives-old/b1.zip", new byte[4]);
        storage.put("backman.repo.json", new byte[5]);

        assertThat(storage.list("archives/")).containsExactly(
                new ObjectInfo("archives/b1.tar.zst", 1),
                new ObjectInfo("archives/b10.zip", 10),
                new ObjectInfo("archives/b2.zip", 2));
        assertThat(storage.list("archives/b1")).extracting(ObjectInfo::key)
                .containsExactly("archives/b1.tar.zst", "archives/b10.zip");
        assertThat(storage.list("manifests/")).extracting(ObjectInfo::key).containsExactly("manifests/b1.json");
        assertThat(storage.list("")).extracting(ObjectInfo::key).containsExactly(
                "archives-old/b1.zip", "archives/b1.tar.zst", "archives/b10.zip", "archives/b2.zip",
                "backman.repo.json", "manifests/b1.json");
        assertThat(storage.list("nothing/")).isEmpty();
    }

    @Test
    void nestedKeysAreStoredAndListed() throws IOException {
        storage.put("a/b/c/d.bin", "deep".getBytes(UTF_8));

        assertThat(read("a/b/c/d.bin")).isEqualTo("deep");
        assertThat(storage.list("a/")).extracting(ObjectInfo::key).containsExactly("a/b/c/d.bin");
        assertThat(storage.list("a/b/c/d")).extracting(ObjectInfo::key).containsExactly("a/b/c/d.bin");
    }

    @Test
    void deleteRemovesTheObject() {
        storage.put("archives/b1.zip", new byte[1]);
        storage.put("archives/b2.zip", new byte[1]);

        storage.delete("archives/b1.zip");

        assertThat(storage.find("archives/b1.zip")).isEmpty();
        assertThat(storage.list("archives/")).extracting(ObjectInfo::key).containsExactly("archives/b2.zip");
    }

    @Test
    void deletingAMissingObjectDoesNothing() {
        storage.delete("archives/never-written.zip");
        storage.put("archives/b1.zip", new byte[1]);
        storage.delete("archives/b1.zip");
        storage.delete("archives/b1.zip");

        assertThat(storage.list("")).isEmpty();
    }

    @Test
    void findOfAMissingKeyIsEmpty() {
        assertThat(storage.find("archives/missing.zip")).isEmpty();
        storage.put("archives/present.zip", new byte[1]);
        assertThat(storage.find("archives/missing.zip")).isEmpty();
        assertThat(storage.find("archives")).as("a key prefix is not an object").isEmpty();
    }

    @Test
    void readGivesAnObjectsBytesOrEmpty() {
        byte[] bytes = randomBytes(70_000, 5);
        storage.put("manifests/b1.json", bytes);
        storage.put("manifests/empty.json", new byte[0]);

        assertThat(storage.read("manifests/b1.json")).hasValue(bytes);
        assertThat(storage.read("manifests/empty.json")).hasValue(new byte[0]);
        assertThat(storage.read("manifests/missing.json")).isEmpty();
        assertThat(storage.read("manifests")).as("a key prefix is not an object").isEmpty();
    }

    @Test
    void largeObjectRoundTripsIntact() throws IOException {
        byte[] bytes = randomBytes(20 * MIB + 12_345, 3);
        long size;
        try (StagedObject staged = storage.stage("archives/large.tar")) {
            OutputStream out = staged.output();
            int offset = 0;
            for (int chunk = 1; offset < bytes.length; chunk = chunk * 3 % 1_000_003 + 1) {
                int length = Math.min(chunk, bytes.length - offset);
                out.write(bytes, offset, length);
                offset += length;
            }
            size = staged.commit();
        }

        assertThat(size).isEqualTo(bytes.length);
        StoredObject stored = storage.find("archives/large.tar").orElseThrow();
        assertThat(stored.size()).isEqualTo(bytes.length);
        try (InputStream in = stored.openStream()) {
            assertThat(Arrays.equals(in.readAllBytes(), bytes)).as("stream contents").isTrue();
        }
        try (SeekableByteChannel channel = stored.openChannel()) {
            int position = 17 * MIB + 3;
            assertThat(readFully(channel, position, 4096))
                    .isEqualTo(Arrays.copyOfRange(bytes, position, position + 4096));
        }
    }

    @Test
    void writingAfterCommitFails() throws IOException {
        StagedObject staged = storage.stage("archives/b1.zip");
        staged.output().write(1);
        staged.commit();

        assertThatThrownBy(() -> staged.output().write(2)).isInstanceOf(Exception.class);
        assertThat(storage.find("archives/b1.zip").orElseThrow().size()).isEqualTo(1);
    }

    protected final String read(String key) throws IOException {
        try (InputStream in = storage.find(key).orElseThrow().openStream()) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] readFully(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
