package dev.backman.filesystem.restore;

import static dev.backman.filesystem.restore.RestoreFixtures.file;
import static dev.backman.filesystem.restore.RestoreFixtures.stream;
import static dev.backman.filesystem.restore.RestoreFixtures.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.UnsafeArchiveEntry;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.RestoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestoreSafetyTest {
    @TempDir
    Path tmp;

    private final LocalRestoreWriter writer = new LocalRestoreWriter();
    private Path base;
    private Path outside;

    @BeforeEach
    void dirs() throws IOException {
        base = Files.createDirectories(tmp.resolve("target/base"));
        outside = Files.createDirectories(tmp.resolve("outside"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/abs", "/tmp/x", "a/../../x", "a/..", "./a", "a/./b", "a//b", "a/", "..", "."})
    void refusesPathsThatAreAbsoluteOrClimbOrHaveEmptyOrDotElements(String relative) throws IOException {
        FileEntry entry = file("root/" + relative, "data");

        assertThatThrownBy(() -> writer.stageFile(base, relative, entry, stream("data"), "b1"))
                .isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.createDirectory(base, relative)).isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.createSymlink(base, relative, symlink("root/x", "y")))
                .isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.inspect(base, relative, entry)).isInstanceOf(UnsafeArchiveEntry.class);
        assertThat(treeOf(tmp)).containsExactlyInAnyOrder("outside", "target", "target/base");
    }

    @Test
    void refusesANulCharacter() {
        assertThatThrownBy(() -> writer.createDirectory(base, "a\0b"))
                .isInstanceOf(UnsafeArchiveEntry.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void treatsBackslashAsAnOrdinaryCharacter() throws IOException {
        Path temporary = writer.stageFile(base, "a\\..\\b", file("r/a\\..\\b", "x"), stream("x"), "b1");
        writer.publish(temporary, base, "a\\..\\b", file("r/a\\..\\b", "x"));

        assertThat(Files.readString(base.resolve("a\\..\\b"))).isEqualTo("x");
    }

    @Test
    void refusesToWriteThroughASymlinkedDirectoryThatLeadsOutside() throws IOException {
        Files.createSymbolicLink(base.resolve("link"), outside);
        FileEntry entry = file("root/link/file", "evil");

        assertThatThrownBy(() -> writer.stageFile(base, "link/file", entry, stream("evil"), "b1"))
                .isInstanceOf(UnsafeArchiveEntry.class)
                .hasMessageContaining("symlink");
        assertThatThrownBy(() -> writer.stageFile(base, "link/deeper/file", entry, stream("evil"), "b1"))
                .isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.createDirectory(base, "link/sub")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.createSymlink(base, "link/l", symlink("root/link/l", "/etc/passwd")))
                .isInstanceOf(UnsafeArchiveEntry.class);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void refusesToPublishOrCopyThroughASymlinkPlantedAfterTheTemporaryWasWritten() throws IOException {
        FileEntry entry = file("root/dir/file", "evil");
        Path temporary = writer.stageFile(base, "dir/file", entry, stream("evil"), "b1");
        Files.move(temporary, base.resolve("kept.tmp"));
        Files.delete(base.resolve("dir"));
        Files.createSymbolicLink(base.resolve("dir"), outside);

        assertThatThrownBy(() -> writer.publish(base.resolve("kept.tmp"), base, "dir/file", entry))
                .isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.stageCopy(base.resolve("kept.tmp"), base, "dir/copy", entry))
                .isInstanceOf(UnsafeArchiveEntry.class);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aFileWrittenInPlaceIsNotStampedThroughAParentSwappedForASymlinkSinceThen() throws IOException {
        // a mode without the owner's read bit is applied when published, not when written
        FileEntry entry = file("root/dir/file", "x", 0333, Instant.EPOCH);
        for (RestoreWriter restore : java.util.List.of(writer, writer.forOneRestore())) {
            Path staged = restore.stageFile(base, "dir/file", entry, stream("x"), "b1");
            assertThat(staged).isEqualTo(base.resolve("dir/file")); // the name is known in advance
            Files.move(base.resolve("dir"), tmp.resolve("moved-dir"));
            Files.createSymbolicLink(base.resolve("dir"), outside);
            Path lookAlike = Files.writeString(outside.resolve("file"), "outside");
            Files.setPosixFilePermissions(lookAlike, PosixFilePermissions.fromString("rw-------"));

            assertThatThrownBy(() -> restore.publish(staged, base, "dir/file", entry))
                    .isInstanceOf(UnsafeArchiveEntry.class);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lookAlike)))
                    .isEqualTo("rw-------");
            assertThat(Files.getLastModifiedTime(lookAlike).toInstant()).isNotEqualTo(Instant.EPOCH);

            Files.delete(base.resolve("dir"));
            Files.delete(lookAlike);
            deleteTree(tmp.resolve("moved-dir"));
        }
    }

    @Test
    void aWriterForOneRestoreNoticesADirectorySwappedForASymlinkAfterItWasChecked() throws IOException {
        RestoreWriter restore = writer.forOneRestore();
        Files.createDirectories(outside.resolve("b"));
        restore.publish(restore.stageFile(base, "a/b/first", file("root/a/b/first", "1"), stream("1"), "b1"),
                base, "a/b/first", file("root/a/b/first", "1"));
        restore.publish(restore.stageFile(base, "dir/first", file("root/dir/first", "1"), stream("1"), "b1"),
                base, "dir/first", file("root/dir/first", "1"));

        // the checked directory itself becomes a link, and an ancestor becomes a link to a look-alike tree
        Files.move(base.resolve("dir"), tmp.resolve("moved-dir"));
        Files.createSymbolicLink(base.resolve("dir"), outside);
        Files.move(base.resolve("a"), tmp.resolve("moved-a"));
        Files.createSymbolicLink(base.resolve("a"), outside);

        assertThatThrownBy(() -> restore.stageFile(base, "dir/second", file("root/dir/second", "evil"),
                stream("evil"), "b1")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> restore.stageFile(base, "a/b/second", file("root/a/b/second", "evil"),
                stream("evil"), "b1")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThat(outside.resolve("b")).isEmptyDirectory();
        try (var left = Files.list(outside)) {
            assertThat(left).containsExactly(outside.resolve("b"));
        }
    }

    @Test
    void aWriterForOneRestoreRecreatesADirectoryRemovedAfterItWasChecked() throws IOException {
        RestoreWriter restore = writer.forOneRestore();
        restore.stageFile(base, "d/e/first", file("root/d/e/first", "1"), stream("1"), "b1");
        try (Stream<Path> tree = Files.walk(base.resolve("d"))) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        Path temporary = restore.stageFile(base, "d/e/second", file("root/d/e/second", "2"), stream("2"), "b1");
        restore.publish(temporary, base, "d/e/second", file("root/d/e/second", "2"));

        assertThat(base.resolve("d/e/second")).hasContent("2");
    }

    @Test
    void aSymlinkPlantedInADirectoryTheRestoreMadeIsFoundWhenCreatingThroughItFails() throws IOException {
        RestoreWriter restore = writer.forOneRestore();
        restore.stageFile(base, "made/first", file("root/made/first", "1"), stream("1"), "b1"); // made by the restore
        Files.createSymbolicLink(base.resolve("made/evil"), outside); // where the restore would make a directory

        assertThatThrownBy(() -> restore.stageFile(base, "made/evil/x", file("root/made/evil/x", "evil"),
                stream("evil"), "b1")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aDeeperCheckedDirectorySwappedForASymlinkIsRefusedThoughItsParentsStillMatch() throws IOException {
        RestoreWriter restore = writer.forOneRestore();
        restore.stageFile(base, "a/b/c/first", file("root/a/b/c/first", "1"), stream("1"), "b1");
        Files.createDirectories(outside.resolve("c"));
        Files.move(base.resolve("a/b"), tmp.resolve("moved-b"));
        Files.createSymbolicLink(base.resolve("a/b"), outside);

        assertThatThrownBy(() -> restore.stageFile(base, "a/b/c/second", file("root/a/b/c/second", "evil"),
                stream("evil"), "b1")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> restore.stageFile(base, "a/b/new/second", file("root/a/b/new/second", "evil"),
                stream("evil"), "b1")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThat(outside.resolve("c")).isEmptyDirectory();
        try (var left = Files.list(outside)) {
            assertThat(left).containsExactly(outside.resolve("c"));
        }
    }

    @Test
    void nothingIsSetAsideOrPutBackThroughASymlinkedParent() throws IOException {
        Files.writeString(outside.resolve("d"), "outside");
        Files.createSymbolicLink(base.resolve("a"), outside);
        Path aside = Files.writeString(base.resolve(".d.aside"), "mine");

        assertThatThrownBy(() -> writer.setAside(base, "a/d")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.putBack(aside, base, "a/d")).isInstanceOf(UnsafeArchiveEntry.class);

        assertThat(outside.resolve("d")).hasContent("outside");
        try (var left = Files.list(outside)) {
            assertThat(left).containsExactly(outside.resolve("d"));
        }
        assertThat(aside).hasContent("mine");
    }

    @Test
    void refusesAnEntryBelowASymlinkThatAnEarlierEntryOfTheSameArchiveCreated() throws IOException {
        writer.createSymlink(base, "evil", symlink("root/evil", outside.toString()));

        assertThatThrownBy(() -> writer.stageFile(base, "evil/passwd", file("root/evil/passwd", "x"),
                stream("x"), "b1")).isInstanceOf(UnsafeArchiveEntry.class);
        assertThatThrownBy(() -> writer.finishDirectory(base, "evil",
                RestoreFixtures.directory("root/evil", 0777, RestoreFixtures.MTIME)))
                .isInstanceOf(UnsafeArchiveEntry.class);
        assertThat(outside).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(base.resolve("evil"))).isTrue();
    }

    @Test
    void inspectDoesNotLookThroughASymlinkedParent() throws IOException {
        Files.writeString(outside.resolve("file"), "same");
        Files.createSymbolicLink(base.resolve("link"), outside);

        assertThat(writer.inspect(base, "link/file", file("root/link/file", "same")))
                .isEqualTo(RestoreWriter.Existing.ABSENT);
    }

    @Test
    void allowsTheBaseItselfToBeASymlink() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path linkedBase = Files.createSymbolicLink(tmp.resolve("linked-base"), real);
        FileEntry entry = file("root/sub/file", "ok");

        Path temporary = writer.stageFile(linkedBase, "sub/file", entry, stream("ok"), "b1");
        writer.publish(temporary, linkedBase, "sub/file", entry);

        assertThat(Files.readString(real.resolve("sub/file"))).isEqualTo("ok");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Stream<String> treeStream(Path root) throws IOException {
        return Files.walk(root).filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString());
    }

    private static java.util.List<String> treeOf(Path root) throws IOException {
        try (Stream<String> paths = treeStream(root)) {
            return paths.toList();
        }
    }
}
