package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptArchiveTest {

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void anArchiveCutInHalfFailsWithAMessageNamingIt(CompressionType type) throws Exception {
        Path archive = writeTree(type);
        truncate(archive, Files.size(archive) / 2);

        assertThatThrownBy(() -> readEverything(type, archive))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(archive.getFileName().toString())
                .hasMessageContaining("corrupt or truncated");
    }

    // a plain tar's last bytes are zero padding after the end-of-archive records: losing them loses nothing
    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "TAR", mode = EnumSource.Mode.EXCLUDE)
    void anArchiveMissingItsLastBytesFails(CompressionType type) throws Exception {
        Path archive = writeTree(type);
        truncate(archive, Files.size(archive) - 6); // the compressor's trailer or checksum, or the zip's directory end

        assertThatThrownBy(() -> readEverything(type, archive)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void garbageIsNotReadAsAnArchive(CompressionType type) throws Exception {
        Path garbage = Files.write(dir.resolve("garbage." + type.extension()), TrickyTree.randomBytes(50_000));

        assertThatThrownBy(() -> readEverything(type, garbage))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt or truncated");
    }

    @Test
    void aTarCutBetweenEntriesIsNotMistakenForACompleteOne() throws Exception {
        Path archive = dir.resolve("cut.tar");
        Path source = Files.write(dir.resolve("small"), new byte[100]);
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(CompressionType.TAR, out)) {
            writer.addFile(TrickyTree.entry("a", EntryType.FILE, 100, 0644, Instant.EPOCH, null), source);
            writer.addFile(TrickyTree.entry("b", EntryType.FILE, 100, 0644, Instant.EPOCH, null), source);
            writer.finish();
        }
        truncate(archive, 1024); // header and one record of "a": no end-of-archive record follows

        assertThatThrownBy(() -> readEverything(CompressionType.TAR, archive))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("end-of-archive");
    }

    private Path writeTree(CompressionType type) throws IOException {
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));
        Path archive = ArchiveFiles.archivePath(dir, type);
        ArchiveFiles.write(codec, type, archive, tree);
        return archive;
    }

    private void readEverything(CompressionType type, Path archive) throws IOException {
        try (ArchiveReader reader = codec.newReader(type, new PathStoredObject(archive))) {
            for (var item = reader.next(); item.isPresent(); item = reader.next()) {
                item.get().content().transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) size));
    }
}
