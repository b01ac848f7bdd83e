package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever is added faster than it is compressed waits within the writer's memory budget. */
class ZipMemoryBoundTest {

    private static final long BUDGET = ZipArchiveWriter.MEMORY_BUDGET_PER_THREAD;
    /** Twice as many small entries as the budget has room for while they wait. */
    private static final int ENTRIES = (int) (2 * BUDGET / ChunkPool.CHUNK_SIZE);

    @TempDir
    Path dir;

    @Test
    void streamsAddedWhileTheWorkerIsBusyWaitWithinTheBudget() throws Exception {
        byte[] tiny = "tiny".getBytes(StandardCharsets.US_ASCII);
        assertWaitsWithinBudget(writer -> writer.addFile(file(tiny.length), new ByteArrayInputStream(tiny)));
    }

    @Test
    void filesAddedWhileTheWorkerIsBusyWaitWithinTheBudget() throws Exception {
        Path source = Files.write(dir.resolve("source"), TrickyTree.compressibleText(100_000));
        assertWaitsWithinBudget(writer -> writer.addFile(file(100_000), source));
    }

    private void assertWaitsWithinBudget(Adding add) throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> busy.await(1, TimeUnit.MINUTES)); // the only worker is busy until released
        try (ZipArchiveWriter writer = new ZipArchiveWriter(OutputStream.nullOutputStream(), pool, 1, dir)) {
            CompletableFuture<Void> adding = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < ENTRIES; i++) {
                        add.to(writer);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread.sleep(300); // ample time to add everything, were nothing bounding it

            assertThat(adding).as("adding waits for the busy worker").isNotDone();
            assertThat((long) writer.chunksCreated() * ChunkPool.CHUNK_SIZE).isLessThanOrEqualTo(BUDGET);
            busy.countDown();
            adding.get(1, TimeUnit.MINUTES);
            writer.finish();
        }
    }

    private static FileEntry file(long size) {
        return new FileEntry("src/file-" + System.nanoTime(), EntryType.FILE, size, 0644,
                Instant.ofEpochSecond(1_700_000_000L), null, null, null);
    }

    @FunctionalInterface
    private interface Adding {
        void to(ZipArchiveWriter writer) throws IOException;
    }
}
