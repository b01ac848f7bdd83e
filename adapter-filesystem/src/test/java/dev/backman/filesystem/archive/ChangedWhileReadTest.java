package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A file whose size differs from what the scan saw has changed while being backed up. */
class ChangedWhileReadTest {

    private static final int ACTUAL_SIZE = 300_000; // more than one sample and one read buffer

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"ZIP", "TAR", "TAR_GZ", "TAR_ZST"})
    void shrunkFilesArePaddedGrownFilesCutAndBothReported(CompressionType type) throws Exception {
        byte[] content = TrickyTree.compressibleText(ACTUAL_SIZE);
        Path source = Files.write(dir.resolve("source.txt"), content);
        FileEntry shrank = file("src/shrank.txt", ACTUAL_SIZE + 1000); // the scan saw it bigger
        FileEntry grew = file("src/grew.txt", ACTUAL_SIZE - 1000); // the scan saw it smaller
        FileEntry same = file("src/same.txt", ACTUAL_SIZE);
        FileEntry emptied = file("src/emptied.txt", 10);
        Path empty = Files.createFile(dir.resolve("empty"));
        Path archive = ArchiveFiles.archivePath(dir, type);
        CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

        WriteSummary summary;
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            writer.addFile(shrank, source);
            writer.addFile(grew, source);
            writer.addFile(same, source);
            writer.addFile(emptied, empty);
            summary = writer.finish();
        }

        byte[] padded = Arrays.copyOf(content, ACTUAL_SIZE + 1000);
        byte[] cut = Arrays.copyOf(content, ACTUAL_SIZE - 1000);
        Map<String, ReadItem> read = ArchiveFiles.readAll(codec, type, archive);
        assertThat(read.get(shrank.path()).content()).isEqualTo(padded);
        assertThat(read.get(grew.path()).content()).isEqualTo(cut);
        assertThat(read.get(same.path()).content()).isEqualTo(content);
        assertThat(read.get(emptied.path()).content()).isEqualTo(new byte[10]);
        assertThat(summary.changedWhileRead())
                .containsExactlyInAnyOrder(shrank.path(), grew.path(), emptied.path());
        assertThat(summary.sha256ByPath()).containsExactlyInAnyOrderEntriesOf(Map.of(
                shrank.path(), ArchiveFiles.sha256(padded),
                grew.path(), ArchiveFiles.sha256(cut),
                same.path(), ArchiveFiles.sha256(content),
                emptied.path(), ArchiveFiles.sha256(new byte[10])));
    }

    private static FileEntry file(String path, long size) {
        return TrickyTree.entry(path, EntryType.FILE, size, 0644, Instant.ofEpochSecond(1_700_000_000L), null);
    }
}
