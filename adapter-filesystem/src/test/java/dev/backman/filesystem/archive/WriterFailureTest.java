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

        ArchiveWriter abandoned = new ZipArchiveWriter(OutputStream.nullOutputStream(), 2, temp);
        for (int i = 0; i < 6; i++) {
            abandoned.addFile(file("src/file-" + i, size), source);
        }
        awaitAnyFile(temp); // a worker has started spilling compressed entries
        abandoned.close();
        assertThat(listing(temp)).isEmpty();

        try (ArchiveWriter finished = new ZipArchiveWriter(OutputStream.nullOutputStream(), 2, temp)) {
            finished.addFile(file("src/file", size), source);
            finished.addFile(file("src/streamed", size), new ByteArrayInputStream(Files.readAllBytes(source)));
            finished.finish();
        }
        assertThat(listing(temp)).isEmpty();
    }

    private static void awaitAnyFile(Path directory) throws Exception {
        for (int i = 0; i < 500 && listing(directory).length == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(listing(directory)).isNotEmpty();
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
