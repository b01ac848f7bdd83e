package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WriterFailureTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"ZIP", "TAR", "TAR_GZ", "TAR_ZST"})
    void aVanishedSourceFailsAddFileAndTheArchiveStaysUsable(CompressionType type) throws Exception {
        Path present = Files.writeString(dir.resolve("present.txt"), "still here");
        Path archive = ArchiveFiles.archivePath(dir, type);
        CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2, dir);

        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            assertThatThrownBy(() -> writer.addFile(file("src/gone.txt", 5), dir.resolve("gone.txt")))
                    .isInstanceOf(NoSuchFileException.class);
            writer.addFile(file("src/present.txt", 10), present);
            assertThat(writer.finish().sha256ByPath()).containsOnlyKeys("src/present.txt");
        }

        assertThat(ArchiveFiles.readAll(codec, type, archive)).containsOnlyKeys("src/present.txt");
    }

    @Test
    void zipTemporaryFilesAreRemovedWhenTheWriterIsAbandonedOrFinished() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("temp"));
        int size = (int) ZipArchiveWriter.IN_MEMORY_LIMIT + 1; // larger files are compressed into temporary files
        Path source = Files.write(dir.resolve("data.bin"), TrickyTree.compressibleText(size));

        // The first entry's worker waits until the writer is closed, so nothing can be written and the other
        // entries' temporary files must still be there when the writer is abandoned.
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        ExecutorService pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
            @Override
            protected void beforeExecute(Thread thread, Runnable task) {
                if (first.getAndSet(false)) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        ArchiveWriter abandoned = new ZipArchiveWriter(OutputStream.nullOutputStream(), pool, 2, temp);
        for (int i = 0; i < 3; i++) { // within the writer's bound on temporary files, so adding never waits
            abandoned.addFile(file("src/file-" + i, size), source);
        }
        awaitFiles(temp, 2);
        abandoned.close();
        assertThat(listing(temp)).isEmpty();

        try (ArchiveWriter finished = new ZipArchiveWriter(OutputStream.nullOutputStream(), 2, temp)) {
            finished.addFile(file("src/file", size), source);
            finished.addFile(file("src/streamed", size), new ByteArrayInputStream(Files.readAllBytes(source)));
            finished.finish();
        }
        assertThat(listing(temp)).isEmpty();
    }

    private static void awaitFiles(Path directory, int count) throws Exception {
        for (int i = 0; i < 1000 && listing(directory).length < count; i++) {
            Thread.sleep(10);
        }
        assertThat(listing(directory)).hasSize(count);
    }

    private static Object[] listing(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toArray();
        }
    }

    private static FileEntry file(String path, long size) {
        return TrickyTree.entry(path, EntryType.FILE, size, 0644, Instant.ofEpochSecond(1_700_000_000L), null);
    }
}
