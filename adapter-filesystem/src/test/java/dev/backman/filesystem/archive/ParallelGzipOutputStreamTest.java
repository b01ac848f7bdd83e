package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelGzipOutputStreamTest {

    private final ExecutorService pool = CompressionThreads.pool("test-gzip", 2);

    @TempDir
    Path dir;

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void inputLongerThanABlockBecomesSeveralMembersThatGunzipReadsAsOne() throws Exception {
        byte[] input = mixed(3 * ParallelGzipOutputStream.BLOCK_SIZE + 12_345);

        byte[] gzip = compress(input);

        AtomicInteger members = new AtomicInteger();
        try (var in = GzipCompressorInputStream.builder().setInputStream(new ByteArrayInputStream(gzip))
                .setDecompressConcatenated(true).setOnMemberStart(stream -> members.incrementAndGet()).get()) {
            assertThat(in.readAllBytes()).isEqualTo(input);
        }
        assertThat(members).hasValue(4);
        assertThat(gzip.length).isLessThan(input.length / 2);
        ExternalTool.assumeInstalled("gzip");
        Path file = Files.write(dir.resolve("data.gz"), gzip);
        ExternalTool.run(dir, "gzip", "-t", file.toString());
        ExternalTool.run(dir, "gzip", "-d", file.toString());
        assertThat(Files.readAllBytes(dir.resolve("data"))).isEqualTo(input);
    }

    @Test
    void emptyInputIsStillAValidGzipFile() throws Exception {
        byte[] gzip = compress(new byte[0]);

        try (var in = GzipCompressorInputStream.builder().setInputStream(new ByteArrayInputStream(gzip))
                .setDecompressConcatenated(true).get()) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    private byte[] compress(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, pool, 2, 6)) {
            // uneven writes, so blocks fill across write calls
            for (int off = 0; off < input.length; off += 70_001) {
                gzip.write(input, off, Math.min(70_001, input.length - off));
            }
        }
        return out.toByteArray();
    }

    /** Text with some random stretches: compressible, but not trivially. */
    private static byte[] mixed(int size) {
        byte[] text = TrickyTree.compressibleText(size);
        byte[] random = TrickyTree.randomBytes(size / 10);
        System.arraycopy(random, 0, text, size / 3, random.length);
        return text;
    }
}
