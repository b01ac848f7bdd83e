package dev.backman.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncryptedArchiveStorageTest {
    private static final byte[] MARKER = "MARKER-7f3a-secret-name".getBytes(UTF_8);
    private final MemoryStorage inner = new MemoryStorage();
    private final DataKey key = DataKey.generate();
    private final EncryptedArchiveStorage storage = new EncryptedArchiveStorage(inner, () -> key);

    @Test
    void archivesAreStoredEncryptedUnderEncAndReadBackInClear() throws IOException {
        byte[] plain = withMarker(300_000);
        long committed = put("archives/b1.tar.zst", plain);

        assertThat(inner.objects).containsOnlyKeys("archives/b1.tar.zst.enc");
        byte[] stored = inner.objects.get("archives/b1.tar.zst.enc");
        assertThat(indexOf(stored, MARKER)).as("marker in ciphertext").isEqualTo(-1);
        assertThat(committed).isEqualTo(stored.length);
        StoredObject found = storage.find("archives/b1.tar.zst").orElseThrow();
        assertThat(found.size()).as("stored size, as listed").isEqualTo(stored.length);
        assertThat(storage.list("archives/")).containsExactly(new ObjectInfo("archives/b1.tar.zst", stored.length));
        try (InputStream in = found.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void channelDecryptsAtAnyPosition() throws IOException {
        byte[] plain = random(3 * 1024 * 1024 + 123, 7); // more than one 1 MiB segment
        put("archives/b1.zip", plain);

        try (SeekableByteChannel channel = storage.find("archives/b1.zip").orElseThrow().openChannel()) {
            assertThat(channel.size()).isEqualTo(plain.length);
            assertThat(read(channel, plain.length - 100, 100))
                    .isEqualTo(Arrays.copyOfRange(plain, plain.length - 100, plain.length));
            assertThat(read(channel, 1_048_000, 2_000)).isEqualTo(Arrays.copyOfRange(plain, 1_048_000, 1_050_000));
        }
    }

    @Test
    void aLargeArchiveWrittenInOneCallReadsBackWhole() throws IOException {
        // larger than the size above which reading warms the cipher up first, and written as one call that the
        // storage hands on in pieces
        byte[] plain = random(9 * 1024 * 1024 + 5, 11);
        put("archives/big.tar", plain);

        try (InputStream in = storage.find("archives/big.tar").orElseThrow().openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void manifestsAreEncryptedUnderTheirOwnNameWhileDescriptorAndLocksStayClear() throws IOException {
        put("manifests/b1.json", MARKER);
        put("backman.repo.json", "{}".getBytes(UTF_8));
        put("locks/writer.json", "{}".getBytes(UTF_8));

        assertThat(indexOf(inner.objects.get("manifests/b1.json"), MARKER)).isEqualTo(-1);
        assertThat(inner.objects.get("backman.repo.json")).isEqualTo("{}".getBytes(UTF_8));
        assertThat(inner.objects.get("locks/writer.json")).isEqualTo("{}".getBytes(UTF_8));
        try (InputStream in = storage.find("manifests/b1.json").orElseThrow().openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(MARKER);
        }
    }

    @Test
    void readDecryptsASmallObjectFromOneReadOfTheStoredOne() {
        put("manifests/b1.json", MARKER);
        put("backman.repo.json", "{}".getBytes(UTF_8));
        inner.finds.clear();

        assertThat(storage.read("manifests/b1.json")).hasValue(MARKER);
        assertThat(storage.read("backman.repo.json")).hasValue("{}".getBytes(UTF_8));
        assertThat(storage.read("manifests/b2.json")).isEmpty();
        assertThat(storage.raw().read("manifests/b1.json")).hasValue(inner.objects.get("manifests/b1.json"));
        assertThat(inner.reads).containsExactly("manifests/b1.json", "backman.repo.json", "manifests/b2.json",
                "manifests/b1.json");
        assertThat(inner.finds).as("no separate lookup before the read").isEmpty();
    }

    @Test
    void readOfAnAlteredObjectFailsNamingIt() {
        put("manifests/b1.json", MARKER);
        inner.objects.get("manifests/b1.json")[40] ^= 1;

        assertThatThrownBy(() -> storage.read("manifests/b1.json")).isInstanceOf(StorageFailure.class)
                .hasMessageContaining("cannot read manifests/b1.json");
    }

    @Test
    void aFlippedBitFailsAuthentication() {
        put("archives/b1.tar", random(200_000, 3));
        inner.objects.get("archives/b1.tar.enc")[100_000] ^= 1;

        assertThatThrownBy(() -> readAll("archives/b1.tar")).isInstanceOf(IOException.class)
                .hasMessageContaining("archives/b1.tar");
    }

    @Test
    void aTruncatedObjectFailsAuthentication() {
        put("archives/b1.tar", random(200_000, 3));
        byte[] whole = inner.objects.get("archives/b1.tar.enc");
        inner.objects.put("archives/b1.tar.enc", Arrays.copyOf(whole, whole.length - 16));

        assertThatThrownBy(() -> readAll("archives/b1.tar")).isInstanceOf(IOException.class);
    }

    @Test
    void anotherBackupsArchiveUnderThisKeyFailsAuthentication() {
        put("archives/b1.tar", random(10_000, 1));
        put("archives/b2.tar", random(10_000, 2));
        inner.objects.put("archives/b1.tar.enc", inner.objects.get("archives/b2.tar.enc"));

        assertThatThrownBy(() -> readAll("archives/b1.tar")).isInstanceOf(IOException.class);
    }

    @Test
    void rawViewCopiesCiphertextUnderLogicalKeys() throws IOException {
        put("archives/b1.zip", MARKER);
        StoredObject raw = storage.raw().find("archives/b1.zip").orElseThrow();

        try (InputStream in = raw.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(inner.objects.get("archives/b1.zip.enc"));
        }
        assertThat(storage.encrypts()).isTrue();
        assertThat(storage.raw().encrypts()).isFalse();
    }

    @Test
    void unencryptedArchivesAreNotListed() {
        inner.objects.put("archives/foreign.zip", new byte[3]);

        assertThat(storage.list("archives/")).isEmpty();
    }

    private long put(String objectKey, byte[] bytes) {
        try (var staged = storage.stage(objectKey)) {
            staged.output().write(bytes);
            return staged.commit();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] readAll(String objectKey) throws IOException {
        try (InputStream in = storage.find(objectKey).orElseThrow().openStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading
        }
        return buffer.array();
    }

    private static byte[] withMarker(int size) {
        byte[] bytes = random(size, 5);
        System.arraycopy(MARKER, 0, bytes, size / 2, MARKER.length);
        return bytes;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
