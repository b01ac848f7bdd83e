package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ScannedEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ContentHasherTest {
    private static final int LARGE = 3 * ContentHasher.EDGE_BYTES;

    /** Contents by path; counts whole-file reads, the costly ones the fingerprints are there to avoid. */
    private final Map<Path, byte[]> contents = new ConcurrentHashMap<>();
    private final Set<Path> hashedWhole = ConcurrentHashMap.newKeySet();
    private final Checksums checksums = new Checksums() {
        @Override
        public String sha256(Path file) throws IOException {
            hashedWhole.add(file);
            return hex(bytes(file));
        }

        @Override
        public String sha256(InputStream in) throws IOException {
            return hex(in.readAllBytes());
        }

        @Override
        public String sha256OfEnds(Path file, int edgeBytes) throws IOException {
            byte[] all = bytes(file);
            if (all.length <= 2 * edgeBytes) {
                return hex(all);
            }
            byte[] ends = Arrays.copyOf(all, 2 * edgeBytes);
            System.arraycopy(all, all.length - edgeBytes, ends, edgeBytes, edgeBytes);
            return hex(ends);
        }

        private byte[] bytes(Path file) throws IOException {
            byte[] bytes = contents.get(file);
            if (bytes == null) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            return bytes;
        }
    };

    @Test
    void largeFilesOfOneSizeThatDifferAtTheirEndsAreNotHashedWholeAndCopiesAre() throws Exception {
        ScannedEntry first = file("a.bin", filled(LARGE, 'a', 'x'));
        ScannedEntry differentEnd = file("b.bin", filled(LARGE, 'a', 'y'));
        ScannedEntry copy = file("c.bin", filled(LARGE, 'a', 'x'));
        ScannedEntry sameEndsOtherMiddle = file("d.bin", withMiddle(filled(LARGE, 'a', 'x'), 'm'));
        ScannedEntry small = file("e.txt", "short".getBytes(StandardCharsets.UTF_8));
        ScannedEntry smallToo = file("f.txt", "other".getBytes(StandardCharsets.UTF_8));

        try (ContentHasher hasher = new ContentHasher(checksums,
                List.of(first, differentEnd, copy, sameEndsOtherMiddle, small, smallToo), size -> false)) {
            assertThat(hasher.digestOf(first)).isEqualTo(hex(contents.get(first.source())))
                    .isEqualTo(hasher.digestOf(copy));
            assertThat(hasher.digestOf(sameEndsOtherMiddle)).isNotNull().isNotEqualTo(hasher.digestOf(first));
            assertThat(hasher.digestOf(differentEnd)).isNull(); // no other candidate can hold its contents
            assertThat(hasher.digestOf(small)).isEqualTo(hex(contents.get(small.source())));
            assertThat(hasher.digestOf(smallToo)).isEqualTo(hex(contents.get(smallToo.source())));
        }
        assertThat(hashedWhole).containsExactlyInAnyOrder(first.source(), copy.source(),
                sameEndsOtherMiddle.source(), small.source(), smallToo.source());
    }

    @Test
    void theFirstDigestIsThereBeforeFilesOfOtherSizesAreFingerprinted() throws Exception {
        ScannedEntry first = file("first.bin", filled(LARGE, 'a', 'b'));
        ScannedEntry copy = file("copy.bin", filled(LARGE, 'a', 'b'));
        ScannedEntry later = file("later.bin", filled(LARGE + 1, 'c', 'd'));
        ScannedEntry laterToo = file("later-too.bin", filled(LARGE + 1, 'c', 'e'));
        CountDownLatch firstDigestTaken = new CountDownLatch(1);
        Checksums waitingForTheFirstDigest = new Checksums() {
            @Override
            public String sha256(Path file) throws IOException {
                return checksums.sha256(file);
            }

            @Override
            public String sha256(InputStream in) throws IOException {
                return checksums.sha256(in);
            }

            @Override
            public String sha256OfEnds(Path file, int edgeBytes) throws IOException {
                if (file.equals(later.source())) {
                    try {
                        firstDigestTaken.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                return checksums.sha256OfEnds(file, edgeBytes);
            }
        };

        try (ContentHasher hasher = new ContentHasher(waitingForTheFirstDigest,
                List.of(first, copy, later, laterToo), size -> false)) {
            String digest = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> hasher.digestOf(first));
            firstDigestTaken.countDown();

            assertThat(digest).isEqualTo(hex(contents.get(first.source()))).isEqualTo(hasher.digestOf(copy));
            assertThat(hasher.digestOf(later)).isNull();
            assertThat(hasher.digestOf(laterToo)).isNull();
        }
    }

    @Test
    void aFileWhoseSizeTheChainHoldsIsAlwaysHashedWhole() throws Exception {
        ScannedEntry alone = file("alone.bin", filled(LARGE, 'q', 'r'));
        ScannedEntry other = file("other.bin", filled(LARGE, 's', 't'));

        try (ContentHasher hasher = new ContentHasher(checksums, List.of(alone, other), size -> size == LARGE)) {
            assertThat(hasher.digestOf(alone)).isEqualTo(hex(contents.get(alone.source())));
            assertThat(hasher.digestOf(other)).isEqualTo(hex(contents.get(other.source())));
        }
        assertThat(hashedWhole).containsExactlyInAnyOrder(alone.source(), other.source());
    }

    @Test
    void anUnreadableFileIsLeftToTheArchiverAndAFileNotGivenHasNoDigest() throws Exception {
        ScannedEntry vanished = new ScannedEntry("gone.bin", Path.of("gone.bin"), EntryType.FILE, LARGE, 0644,
                Instant.EPOCH, null, null);
        ScannedEntry readable = file("here.bin", filled(LARGE, 'h', 'i'));
        ScannedEntry notGiven = file("extra.bin", filled(LARGE, 'h', 'i'));

        try (ContentHasher hasher = new ContentHasher(checksums, List.of(vanished, readable), size -> false)) {
            assertThat(hasher.digestOf(vanished)).isNull();
            assertThat(hasher.digestOf(readable)).isNull();
            assertThat(hasher.digestOf(notGiven)).isNull();
        }
    }

    private ScannedEntry file(String name, byte[] bytes) {
        Path path = Path.of(name);
        contents.put(path, bytes);
        return new ScannedEntry(name, path, EntryType.FILE, bytes.length, 0644, Instant.EPOCH, null, null);
    }

    private static byte[] filled(int size, char body, char last) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) body);
        bytes[size - 1] = (byte) last;
        return bytes;
    }

    private static byte[] withMiddle(byte[] bytes, char middle) {
        bytes[bytes.length / 2] = (byte) middle;
        return bytes;
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
