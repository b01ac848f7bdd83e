package dev.backman.filesystem.checksum;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkChecksumsTest {
    // sha256sum of the empty input and of "abc" (FIPS 180-2 test vector)
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private final JdkChecksums checksums = new JdkChecksums();

    @TempDir
    Path dir;

    @Test
    void knownVectorsHashToLowerCaseHex() throws IOException {
        assertThat(checksums.sha256(new ByteArrayInputStream(new byte[0]))).isEqualTo(EMPTY);
        assertThat(checksums.sha256(new ByteArrayInputStream("abc".getBytes(UTF_8)))).isEqualTo(ABC);
        assertThat(checksums.sha256(Files.writeString(dir.resolve("abc.txt"), "abc"))).isEqualTo(ABC);
    }

    @Test
    void theFingerprintOfASmallFileIsItsDigestAndOfALargeOneTheDigestOfItsEnds() throws IOException {
        byte[] bytes = new byte[100_000];
        new Random(11).nextBytes(bytes);
        Path large = Files.write(dir.resolve("large.bin"), bytes);
        byte[] ends = new byte[2 * 4096];
        System.arraycopy(bytes, 0, ends, 0, 4096);
        System.arraycopy(bytes, bytes.length - 4096, ends, 4096, 4096);
        byte[] middleChanged = bytes.clone();
        middleChanged[50_000] ^= 1;
        byte[] lastByteChanged = bytes.clone();
        lastByteChanged[bytes.length - 1] ^= 1;

        assertThat(checksums.sha256OfEnds(Files.writeString(dir.resolve("abc.txt"), "abc"), 4096)).isEqualTo(ABC);
        assertThat(checksums.sha256OfEnds(Files.write(dir.resolve("exact.bin"), ends), 4096))
                .isEqualTo(checksums.sha256(new ByteArrayInputStream(ends)));
        assertThat(checksums.sha256OfEnds(large, 4096)).isEqualTo(checksums.sha256(new ByteArrayInputStream(ends)))
                .isEqualTo(checksums.sha256OfEnds(Files.write(dir.resolve("middle.bin"), middleChanged), 4096))
                .isNotEqualTo(checksums.sha256OfEnds(Files.write(dir.resolve("last.bin"), lastByteChanged), 4096));
        assertThatThrownBy(() -> checksums.sha256OfEnds(dir.resolve("missing.bin"), 4096))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void millionTimesAHashesLikeTheStandardVector() throws IOException {
        Path file = dir.resolve("a.bin");
        Files.write(file, "a".repeat(1_000_000).getBytes(UTF_8)); // spans several 256 KiB reads

        assertThat(checksums.sha256(file))
                .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    @Test
    void streamIsReadToItsEndEvenWithShortReads() throws IOException {
        byte[] bytes = new byte[600_000];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("random.bin"), bytes);

        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        assertThat(checksums.sha256(trickle)).isEqualTo(checksums.sha256(file));
        assertThat(trickle.read()).isEqualTo(-1);
    }

    @Test
    void aFailedReadDoesNotSpoilTheNextHash() throws IOException {
        InputStream failing = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("disk error");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> checksums.sha256(failing)).hasMessage("disk error");

        assertThat(checksums.sha256(new ByteArrayInputStream("abc".getBytes(UTF_8)))).isEqualTo(ABC);
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> checksums.sha256(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void threadsHashConcurrentlyWithoutMixingResults() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            files.add(Files.writeString(dir.resolve("f" + i), i % 2 == 0 ? "abc" : ""));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                for (Path file : files) {
                    results.add(pool.submit(() -> checksums.sha256(file)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? ABC : EMPTY);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
