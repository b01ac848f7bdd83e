package dev.backman.filesystem.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every reader of Unix attributes must say about a path: the scan's change detection compares these values with
 * the catalog's, so two readers giving different answers for the same file would make every file look changed.
 */
abstract class AttributeReaderContract {

    @TempDir
    Path tmp;

    /** The reader under test. */
    abstract AttributeReader reader();

    @Test
    void aFileHasItsSizePermissionsMtimeAndAKeyOfDeviceInodeAndCtime() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.txt"), "twelve bytes");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        Instant mtime = Instant.parse("2024-02-03T04:05:06.123456789Z");
        Files.setLastModifiedTime(file, FileTime.from(mtime));

        EntryStat stat = reader().read(file);

        Map<String, Object> expected = Files.readAttributes(file, "unix:dev,ino,ctime", LinkOption.NOFOLLOW_LINKS);
        assertThat(stat.kind()).isEqualTo(EntryStat.Kind.FILE);
        assertThat(stat.size()).isEqualTo(12);
        assertThat(stat.mode()).isEqualTo(0750);
        assertThat(stat.mtime()).isEqualTo(Files.getLastModifiedTime(file).toInstant());
        assertThat(stat.mtime().getEpochSecond()).isEqualTo(mtime.getEpochSecond());
        assertThat(stat.fileKey()).isEqualTo(expected.get("dev") + ":" + expected.get("ino") + ":"
                + ((FileTime) expected.get("ctime")).toMillis());
        assertThat(stat.special()).isNull();
    }

    @Test
    void setuidStickyAndOtherHighBitsStayInTheMode() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assumeTrue(new ProcessBuilder("chmod", "1777", dir.toString()).start().onExit().join().exitValue() == 0,
                "chmod is not available");

        EntryStat stat = reader().read(dir);

        assertThat(stat.kind()).isEqualTo(EntryStat.Kind.DIRECTORY);
        assertThat(stat.mode()).isEqualTo(01777);
        assertThat(stat.size()).isZero(); // a directory's size is the file system's business, not a content size
    }

    @Test
    void aSymlinkIsReadItselfNeverItsTarget() throws IOException {
        Path target = Files.writeString(tmp.resolve("target.txt"), "content");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);

        EntryStat stat = reader().read(link);

        assertThat(stat.kind()).isEqualTo(EntryStat.Kind.SYMLINK);
        assertThat(stat.size()).isZero();
        assertThat(stat.fileKey()).isNotEqualTo(reader().read(target).fileKey());
    }

    @Test
    void hardLinksShareTheirKeyAndARewriteChangesIt() throws IOException {
        Path original = Files.writeString(tmp.resolve("a.txt"), "a");
        Path linked = Files.createLink(tmp.resolve("b.txt"), original);
        String before = reader().read(original).fileKey();

        assertThat(reader().read(linked).fileKey()).isEqualTo(before);

        Path replacement = Files.writeString(tmp.resolve("c.txt"), "a");
        Files.move(replacement, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(reader().read(original).fileKey()).isNotEqualTo(before);
    }

    @Test
    void aFifoIsSpecialAndNamed() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().onExit().join().exitValue() == 0,
                "mkfifo is not available");

        EntryStat stat = reader().read(fifo);

        assertThat(stat.kind()).isEqualTo(EntryStat.Kind.SPECIAL);
        assertThat(stat.special()).isEqualTo("fifo");
    }

    @Test
    void aMissingPathIsTheFileSystemsOwnError() {
        assertThatThrownBy(() -> reader().read(tmp.resolve("gone"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readsTheSameAsTheReaderByAttributeName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("d/e"));
        Path file = Files.writeString(dir.resolve("f"), "x".repeat(5000));
        Path link = Files.createSymbolicLink(tmp.resolve("l"), Path.of("d/e/f"));
        UnixAttributeReader byName = new UnixAttributeReader();

        for (Path path : new Path[] {tmp, dir, file, link}) {
            assertThat(reader().read(path)).as(path.toString()).isEqualTo(byName.read(path));
        }
    }
}
