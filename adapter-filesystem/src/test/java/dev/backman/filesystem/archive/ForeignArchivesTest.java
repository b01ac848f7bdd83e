package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.filesystem.archive.ArchiveFiles.ReadItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives made by the standard tools read back with the right kinds, modes, times and links. */
class ForeignArchivesTest {

    private static final Instant MTIME = Instant.ofEpochSecond(1_650_000_001L);
    private static final String LONG_NAME = "n".repeat(150) + ".txt";

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    private Path tree;

    @BeforeEach
    void createTree() throws Exception {
        tree = Files.createDirectories(dir.resolve("tree"));
        Path file = Files.writeString(tree.resolve(LONG_NAME), "content", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(file, FileTime.from(MTIME));
        Files.createSymbolicLink(tree.resolve("link"), Path.of(LONG_NAME));
        Files.createLink(tree.resolve("hard"), file);
    }

    @Test
    void gnuFormatTarWithLongNamesHardLinksAndFifosIsMapped() throws Exception {
        ExternalTool.assumeInstalled("tar", "mkfifo");
        ExternalTool.run(tree, "mkfifo", "fifo");
        Path archive = dir.resolve("gnu.tar");

        ExternalTool.run(dir, "tar", "--format=gnu", "-cf", archive.toString(), "tree");

        Map<String, ReadItem> items = ArchiveFiles.readAll(codec, CompressionType.TAR, archive);
        ReadItem file = items.get("tree/" + LONG_NAME);
        assertThat(file.kind()).isEqualTo(ArchiveItem.Kind.FILE);
        assertThat(file.mode()).isEqualTo(0750);
        assertThat(file.mtime()).isEqualTo(MTIME);
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("content");
        assertThat(items.get("tree").kind()).isEqualTo(ArchiveItem.Kind.DIRECTORY);
        assertThat(items.get("tree/link").kind()).isEqualTo(ArchiveItem.Kind.SYMLINK);
        assertThat(items.get("tree/link").linkTarget()).isEqualTo(LONG_NAME);
        assertThat(items.get("tree/fifo").kind()).isEqualTo(ArchiveItem.Kind.OTHER);
        ReadItem hard = items.get("tree/hard").kind() == ArchiveItem.Kind.HARD_LINK
                ? items.get("tree/hard") : items.get("tree/" + LONG_NAME); // tar links whichever comes second
        assertThat(hard.kind()).isEqualTo(ArchiveItem.Kind.HARD_LINK);
    }

    @Test
    void infoZipArchiveWithASymlinkIsMapped() throws Exception {
        ExternalTool.assumeInstalled("zip");
        Path archive = dir.resolve("info.zip");

        ExternalTool.run(dir, "zip", "-q", "-r", "-y", archive.toString(), "tree");

        Map<String, ReadItem> items = ArchiveFiles.readAll(codec, CompressionType.ZIP, archive);
        ReadItem file = items.get("tree/" + LONG_NAME);
        assertThat(file.kind()).isEqualTo(ArchiveItem.Kind.FILE);
        assertThat(file.mode()).isEqualTo(0750);
        assertThat(file.mtime()).isEqualTo(MTIME);
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("content");
        assertThat(items.get("tree").kind()).isEqualTo(ArchiveItem.Kind.DIRECTORY);
        assertThat(items.get("tree/link").kind()).isEqualTo(ArchiveItem.Kind.SYMLINK);
        assertThat(items.get("tree/link").linkTarget()).isEqualTo(LONG_NAME);
    }
}
