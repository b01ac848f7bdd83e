package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import dev.backman.filesystem.archive.ArchiveFiles.ReadItem;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code addFile(entry, bytes, sha256)}: a file the caller read whole and hashed is stored without hashing again. */
class AddFileReadWholeTest {
    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void theBytesAreStoredAndTheCallersDigestIsReportedWithoutHashingThemAgain(CompressionType type)
            throws Exception {
        byte[] text = TrickyTree.compressibleText(3000);
        byte[] empty = new byte[0];
        // not the bytes' digest: a writer that hashed them again would report the real one
        String given = "ab".repeat(32);
        Path archive = ArchiveFiles.archivePath(dir, type);

        WriteSummary summary;
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            writer.addFile(file("src/text", text.length), text, given);
            writer.addFile(file("src/empty", 0), empty, ArchiveFiles.sha256(empty));
            summary = writer.finish();
        }

        Map<String, ReadItem> read = ArchiveFiles.readAll(codec, type, archive);
        assertThat(read.get("src/text").content()).isEqualTo(text);
        assertThat(read.get("src/empty").content()).isEmpty();
        assertThat(summary.sha256ByPath()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "src/text", given, "src/empty", ArchiveFiles.sha256(empty)));
        assertThat(summary.crc32cByPath()).containsEntry("src/text", crc32c(text)).containsEntry("src/empty", 0);
        assertThat(summary.changedWhileRead()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void bytesThatAreNotTheAnnouncedSizeAreRefusedBeforeAnythingIsWritten(CompressionType type) throws Exception {
        byte[] text = TrickyTree.compressibleText(1000);
        Path archive = ArchiveFiles.archivePath(dir, type);

        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            assertThatThrownBy(() -> writer.addFile(file("src/short", 1001), text, ArchiveFiles.sha256(text)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("src/short");
            assertThatThrownBy(() -> writer.addFile(file("src/long", 999), text, ArchiveFiles.sha256(text)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("src/long");
            writer.addFile(file("src/good", 1000), text, ArchiveFiles.sha256(text));
            assertThat(writer.finish().sha256ByPath()).containsOnlyKeys("src/good");
        }
        assertThat(ArchiveFiles.readAll(codec, type, archive)).containsOnlyKeys("src/good");
    }

    private static int crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static FileEntry file(String path, long size) {
        return TrickyTree.entry(path, EntryType.FILE, size, 0644, Instant.ofEpochSecond(1_700_000_000L), null);
    }
}
