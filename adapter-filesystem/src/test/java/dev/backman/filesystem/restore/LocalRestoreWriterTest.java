package dev.backman.filesystem.restore;

import static dev.backman.filesystem.restore.RestoreFixtures.directory;
import static dev.backman.filesystem.restore.RestoreFixtures.file;
import static dev.backman.filesystem.restore.RestoreFixtures.stream;
import static dev.backman.filesystem.restore.RestoreFixtures.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.RestoreWriter;
import dev.backman.domain.port.RestoreWriter.Existing;
import dev.backman.filesystem.restore.RestoreFixtures.CountingInputStream;
import dev.backman.filesystem.restore.RestoreFixtures.RepeatingInputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRestoreWriterTest {
    @TempDir
    Path tmp;

    private final LocalRestoreWriter writer = new LocalRestoreWriter();
    private Path base;

    @BeforeEach
    void base() throws IOException {
        base = Files.createDirectories(tmp.resolve("base"));
    }

    @Test
    void inspectTellsAbsentSameAndDifferentFiles() throws IOException {
        FileEntry entry = file("r/a.txt", "hello");
        assertThat(writer.inspect(base, "a.txt", entry)).isEqualTo(Existing.ABSENT);

        Files.writeString(base.resolve("a.txt"), "hello");
        assertThat(writer.inspect(base, "a.txt", entry)).isEqualTo(Existing.SAME);

        Files.writeString(base.resolve("a.txt"), "jello"); // same size, other content
        assertThat(writer.inspect(base, "a.txt", entry)).isEqualTo(Existing.DIFFERENT);

        Files.writeString(base.resolve("a.txt"), "hello!");
        assertThat(writer.inspect(base, "a.txt", entry)).isEqualTo(Existing.DIFFERENT);
    }

    @Test
    void inspectComparesTypesWithoutFollowingLinks() throws IOException {
        Files.writeString(base.resolve("real.txt"), "hello");
        Files.createSymbolicLink(base.resolve("link.txt"), Path.of("real.txt"));
        Files.createDirectory(base.resolve("dir"));

        assertThat(writer.inspect(base, "link.txt", file("r/link.txt", "hello"))).isEqualTo(Existing.DIFFERENT);
        assertThat(writer.inspect(base, "link.txt", symlink("r/link.txt", "real.txt"))).isEqualTo(Existing.SAME);
        assertThat(writer.inspect(base, "link.txt", symlink("r/link.txt", "other.txt")))
                .isEqualTo(Existing.DIFFERENT);
        assertThat(writer.inspect(base, "dir", directory("r/dir", 0755, Instant.EPOCH))).isEqualTo(Existing.SAME);
        assertThat(writer.inspect(base, "dir", file("r/dir", ""))).isEqualTo(Existing.DIFFERENT);
        assertThat(writer.inspect(base, "real.txt", directory("r/real.txt", 0755, Instant.EPOCH)))
                .isEqualTo(Existing.DIFFERENT);
        assertThat(writer.inspect(base, "", directory("r", 0755, Instant.EPOCH))).isEqualTo(Existing.SAME);
        assertThat(writer.inspect(base, "missing/below", file("r/missing/below", "x"))).isEqualTo(Existing.ABSENT);
    }

    @Test
    void stageFileCreatesParentsAndWritesAtTheDestinationWithItsStampsWhenNothingIsThere() throws IOException {
        FileEntry entry = file("r/a/b/c.txt", "content", 0644, Instant.parse("2021-01-02T03:04:05Z"));

        Path staged = writer.stageFile(base, "a/b/c.txt", entry, stream("content"), "b1");

        assertThat(staged).isEqualTo(base.resolve("a/b/c.txt"));
        assertThat(Files.readString(staged)).isEqualTo("content");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged))).isEqualTo("rw-r--r--");
        assertThat(Files.getLastModifiedTime(staged).toInstant()).isEqualTo(entry.mtime());
        writer.publish(staged, base, "a/b/c.txt", entry);
        assertThat(staged).hasContent("content");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aFileItsOwnerMayNotReadStaysOwnerOnlyUntilPublishedSoThatADuplicateCanBeCopied() throws IOException {
        Instant mtime = Instant.parse("2021-01-02T03:04:05Z");
        FileEntry entry = file("r/w", "secret", 0200, mtime);

        Path staged = writer.stageFile(base, "w", entry, stream("secret"), "b1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged))).isEqualTo("rw-------");
        Path copy = writer.stageCopy(staged, base, "w2", file("r/w2", "secret", 0200, mtime));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");

        writer.publish(staged, base, "w", entry);
        writer.publish(copy, base, "w2", file("r/w2", "secret", 0200, mtime));
        for (Path published : java.util.List.of(staged, copy)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(published))).isEqualTo("-w-------");
            assertThat(Files.getLastModifiedTime(published).toInstant()).isEqualTo(mtime);
            Files.setPosixFilePermissions(published, PosixFilePermissions.fromString("rw-------"));
            assertThat(published).hasContent("secret");
        }
    }

    @Test
    void stageFileWritesBesideAnExistingFileWhichStaysUntilPublished() throws IOException {
        Files.writeString(base.resolve("c.txt"), "old");
        FileEntry entry = file("r/c.txt", "content");

        Path staged = writer.stageFile(base, "c.txt", entry, stream("content"), "b1");

        assertThat(staged.getParent()).isEqualTo(base);
        assertThat(staged.getFileName().toString()).startsWith(".c.txt.backman-").endsWith(".tmp");
        assertThat(Files.readString(staged)).isEqualTo("content");
        assertThat(base.resolve("c.txt")).hasContent("old");
        writer.publish(staged, base, "c.txt", entry);
        assertThat(base.resolve("c.txt")).hasContent("content");
        assertThat(staged).doesNotExist();
    }

    @Test
    void stageFileNeverCreatesTheTargetOfADanglingLinkAtTheDestination() throws IOException {
        Path victim = tmp.resolve("victim");
        Files.createSymbolicLink(base.resolve("l"), victim);
        FileEntry entry = file("r/l", "evil");

        Path staged = writer.stageFile(base, "l", entry, stream("evil"), "b1");

        assertThat(staged).isNotEqualTo(base.resolve("l"));
        assertThat(victim).doesNotExist();
        writer.publish(staged, base, "l", entry);
        assertThat(Files.isSymbolicLink(base.resolve("l"))).isFalse();
        assertThat(base.resolve("l")).hasContent("evil");
        assertThat(victim).doesNotExist();
    }

    @Test
    void writeTemporaryRejectsContentWithAnotherHashAndLeavesNothing() throws IOException {
        FileEntry entry = file("r/a.txt", "right");

        assertThatThrownBy(() -> writer.stageFile(base, "a.txt", entry, stream("wrong"), "b7"))
                .isInstanceOfSatisfying(IntegrityViolation.class, e -> {
                    assertThat(e.backupId()).isEqualTo("b7");
                    assertThat(e.path()).isEqualTo("r/a.txt");
                    assertThat(e.problem()).startsWith("content does not match its SHA-256 (expected "
                            + entry.sha256() + ", got ");
                });
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void writeTemporaryRejectsShortContent() throws IOException {
        FileEntry entry = file("r/a.txt", "longer content");

        assertThatThrownBy(() -> writer.stageFile(base, "a.txt", entry, stream("short"), "b1"))
                .isInstanceOf(IntegrityViolation.class)
                .hasMessageContaining("size differs (expected 14 bytes, got 5)");
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void writeTemporaryReadsAtMostOneByteMoreThanRecordedFromAnOverlongStream() throws IOException {
        FileEntry entry = file("r/bomb", "a".repeat(1000));
        CountingInputStream content = new CountingInputStream(new RepeatingInputStream(100_000));

        assertThatThrownBy(() -> writer.stageFile(base, "bomb", entry, content, "b1"))
                .isInstanceOf(IntegrityViolation.class)
                .hasMessageContaining("size differs");
        assertThat(content.count()).isEqualTo(1001);
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void stageCopyMakesAnIndependentFileForADuplicate() throws IOException {
        FileEntry entry = file("r/one.txt", "shared");
        Path first = writer.stageFile(base, "one.txt", entry, stream("shared"), "b1");

        Instant mtime = Instant.parse("2022-05-06T07:08:09Z");
        Path second = writer.stageCopy(first, base, "sub/two.txt", file("r/sub/two.txt", "shared", 0600, mtime));

        assertThat(second).isEqualTo(base.resolve("sub/two.txt"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second))).isEqualTo("rw-------");
        assertThat(Files.getLastModifiedTime(second).toInstant()).isEqualTo(mtime);
        assertThat(Files.getLastModifiedTime(first).toInstant()).isEqualTo(entry.mtime());
        assertThat(Files.readString(second)).isEqualTo("shared");
        writer.publish(first, base, "one.txt", entry);
        writer.publish(second, base, "sub/two.txt", file("r/sub/two.txt", "shared"));
        assertThat(Files.readString(base.resolve("sub/two.txt"))).isEqualTo("shared");
    }

    @Test
    void publishMovesATemporaryIntoPlaceAndAppliesModeAndMtime() throws IOException {
        Instant mtime = Instant.parse("2021-01-02T03:04:05.678Z");
        Files.writeString(base.resolve("script.sh"), "old");
        FileEntry entry = file("r/script.sh", "#!/bin/sh", 0750, mtime);
        Path temporary = writer.stageFile(base, "script.sh", entry, stream("#!/bin/sh"), "b1");

        writer.publish(temporary, base, "script.sh", entry);

        Path published = base.resolve("script.sh");
        assertThat(temporary).doesNotExist();
        assertThat(Files.readString(published)).isEqualTo("#!/bin/sh");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(published))).isEqualTo("rwxr-x---");
        assertThat(Files.getLastModifiedTime(published).toInstant()).isEqualTo(mtime);
    }

    @Test
    void publishReplacesAnExistingFileAndAnExistingLinkWithoutFollowingIt() throws IOException {
        Files.writeString(base.resolve("a.txt"), "old");
        Path victim = Files.writeString(tmp.resolve("victim"), "untouched");
        Files.createSymbolicLink(base.resolve("b.txt"), victim);

        publish("a.txt", "new");
        publish("b.txt", "new");

        assertThat(Files.readString(base.resolve("a.txt"))).isEqualTo("new");
        assertThat(Files.isSymbolicLink(base.resolve("b.txt"))).isFalse();
        assertThat(Files.readString(base.resolve("b.txt"))).isEqualTo("new");
        assertThat(Files.readString(victim)).isEqualTo("untouched");
    }

    @Test
    void publishReplacesAnEmptyDirectoryButNotAFullOne() throws IOException {
        Files.createDirectory(base.resolve("empty"));
        Files.createDirectories(base.resolve("full/child"));

        publish("empty", "now a file");
        assertThat(Files.readString(base.resolve("empty"))).isEqualTo("now a file");

        FileEntry entry = file("r/full", "x");
        Path temporary = writer.stageFile(base, "full", entry, stream("x"), "b1");
        assertThatThrownBy(() -> writer.publish(temporary, base, "full", entry))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("non-empty directory");
        assertThat(base.resolve("full/child")).isDirectory();
    }

    @Test
    void stampExistingGivesAFileOfTheRightContentTheEntrysModeAndMtime() throws IOException {
        Path found = Files.writeString(base.resolve("a.txt"), "hello");
        Files.setPosixFilePermissions(found, PosixFilePermissions.fromString("rw-------"));
        Instant mtime = Instant.parse("2020-02-03T04:05:06.789Z");

        writer.stampExisting(base, "a.txt", file("r/a.txt", "hello", 0640, mtime));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(found))).isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(found).toInstant()).isEqualTo(mtime);
    }

    @Test
    void stampExistingLeavesAFileWhoseStampsMatchUntouched() throws IOException {
        Instant mtime = Instant.parse("2020-02-03T04:05:06.789Z");
        Path found = Files.writeString(base.resolve("a.txt"), "hello");
        Files.setPosixFilePermissions(found, PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(found, FileTime.from(mtime));
        Object changed = Files.getAttribute(found, "unix:ctime");
        sleepPastTheClockTick();

        writer.stampExisting(base, "a.txt", file("r/a.txt", "hello", 0640, mtime));

        assertThat(Files.getAttribute(found, "unix:ctime")).isEqualTo(changed);
    }

    @Test
    void stampExistingGivesTheEntrysModeToAFileWhoseMtimeAlreadyMatches() throws IOException {
        Instant mtime = Instant.parse("2020-02-03T04:05:06.789Z");
        Path found = Files.writeString(base.resolve("a.txt"), "hello");
        Files.setPosixFilePermissions(found, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(found, FileTime.from(mtime));

        writer.stampExisting(base, "a.txt", file("r/a.txt", "hello", 0640, mtime));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(found))).isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(found).toInstant()).isEqualTo(mtime);
    }

    @Test
    void stampExistingRefusesALinkFoundInsteadOfTheFileAndLeavesItsTargetAlone() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim"), "hello");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(base.resolve("a.txt"), victim);

        assertThatThrownBy(() -> writer.stampExisting(base, "a.txt", file("r/a.txt", "hello", 0777, Instant.EPOCH)))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("no longer the file");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rw-------");
    }

    @Test
    void symlinksRoundTripWithTheirTargetStoredAsIsEvenWhenDangling() throws IOException {
        FileEntry entry = symlink("r/sub/link", "../nowhere/file");

        writer.createSymlink(base, "sub/link", entry);

        Path link = base.resolve("sub/link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../nowhere/file"));
        assertThat(Files.exists(link)).isFalse();
        assertThat(Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toInstant())
                .isEqualTo(RestoreFixtures.MTIME);
        assertThat(writer.inspect(base, "sub/link", entry)).isEqualTo(Existing.SAME);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void createSymlinkReplacesAFileOrAnotherLink() throws IOException {
        Files.writeString(base.resolve("f"), "file");
        Files.createSymbolicLink(base.resolve("l"), Path.of("old-target"));

        writer.createSymlink(base, "f", symlink("r/f", "t1"));
        writer.createSymlink(base, "l", symlink("r/l", "t2"));

        assertThat(Files.readSymbolicLink(base.resolve("f"))).isEqualTo(Path.of("t1"));
        assertThat(Files.readSymbolicLink(base.resolve("l"))).isEqualTo(Path.of("t2"));
    }

    @Test
    void directoriesAreCreatedIdempotentlyAndFinishedWithModeAndMtime() throws IOException {
        Instant mtime = Instant.parse("2020-06-07T08:09:10Z");
        writer.createDirectory(base, "d");
        writer.createDirectory(base, "d");
        writer.createDirectory(base, "d/e/f");
        FileEntry entry = file("r/d/e/f/x", "x");
        writer.publish(writer.stageFile(base, "d/e/f/x", entry, stream("x"), "b1"), base, "d/e/f/x", entry);

        writer.finishDirectory(base, "d/e", directory("r/d/e", 0500, mtime));

        Path dir = base.resolve("d/e");
        assertThat(base.resolve("d/e/f/x")).hasContent("x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("r-x------");
        assertThat(Files.getLastModifiedTime(dir).toInstant()).isEqualTo(mtime);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); // let @TempDir clean up
    }

    @Test
    void aWriterForOneRestoreFinishesTheDirectoriesItMadeForFilesWithTheirModesAndMtimes() throws IOException {
        RestoreWriter restore = writer.forOneRestore();
        Instant mtime = Instant.parse("2020-06-07T08:09:10Z");
        FileEntry entry = file("r/d/e/x", "x");
        restore.publish(restore.stageFile(base, "d/e/x", entry, stream("x"), "b1"), base, "d/e/x", entry);
        restore.createDirectory(base, "d/e");
        restore.createDirectory(base, "d");
        String created = PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("d")));

        restore.finishDirectory(base, "d/e", directory("r/d/e", 0700, mtime));
        restore.finishDirectory(base, "d", directory("r/d", 0751, mtime.plusSeconds(1)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("d/e"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("d"))))
                .isNotEqualTo(created).isEqualTo("rwxr-x--x");
        assertThat(Files.getLastModifiedTime(base.resolve("d/e")).toInstant()).isEqualTo(mtime);
        assertThat(Files.getLastModifiedTime(base.resolve("d")).toInstant()).isEqualTo(mtime.plusSeconds(1));
    }

    @Test
    void finishingADirectoryWhoseMtimeAlreadyMatchesStillGivesItsMode() throws IOException {
        RestoreWriter restore = writer.forOneRestore();
        Instant mtime = Instant.parse("2020-06-07T08:09:10Z");
        restore.createDirectory(base, "d");
        Files.setLastModifiedTime(base.resolve("d"), FileTime.from(mtime));
        Files.setPosixFilePermissions(base.resolve("d"), PosixFilePermissions.fromString("rwxrwxrwx"));

        restore.finishDirectory(base, "d", directory("r/d", 0750, mtime));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("d"))))
                .isEqualTo("rwxr-x---");
        assertThat(Files.getLastModifiedTime(base.resolve("d")).toInstant()).isEqualTo(mtime);
    }

    @Test
    void aDirectoryAnotherWriterThreadMadeFirstIsUsed() throws IOException {
        RestoreWriter restore = writer.forOneRestore();
        FileEntry first = file("r/p/first", "1");
        restore.publish(restore.stageFile(base, "p/first", first, stream("1"), "b1"), base, "p/first", first);
        Files.createDirectory(base.resolve("p/q")); // as another thread of the restore would, just before this one
        FileEntry second = file("r/p/q/second", "2");

        restore.publish(restore.stageFile(base, "p/q/second", second, stream("2"), "b1"), base, "p/q/second",
                second);

        assertThat(base.resolve("p/q/second")).hasContent("2");
    }

    @Test
    void createDirectoryRefusesAFileOrLinkInTheWayAndLeavesIt() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(base.resolve("d"), elsewhere);
        Files.writeString(base.resolve("f"), "precious");

        assertThatThrownBy(() -> writer.createDirectory(base, "d")).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("in the way");
        assertThatThrownBy(() -> writer.createDirectory(base, "f")).isInstanceOf(FileSystemException.class);

        assertThat(Files.readSymbolicLink(base.resolve("d"))).isEqualTo(elsewhere);
        assertThat(base.resolve("f")).hasContent("precious");
    }

    @Test
    void aLinkSetAsideMakesWayForTheDirectoryAndIsDiscardedWithoutFollowingIt() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(base.resolve("d"), elsewhere);

        Path aside = writer.setAside(base, "d");
        writer.createDirectory(base, "d");
        writer.discard(aside);

        assertThat(Files.isDirectory(base.resolve("d"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(aside).doesNotExist();
        assertThat(elsewhere.resolve("keep.txt")).hasContent("keep");
        try (Stream<Path> left = Files.list(base)) {
            assertThat(left).containsExactly(base.resolve("d"));
        }
    }

    @Test
    void aFileSetAsideIsPutBackInPlaceOfTheEmptyDirectoriesMadeThere() throws IOException {
        Files.writeString(base.resolve("d"), "precious");
        RestoreWriter restore = writer.forOneRestore();

        Path aside = restore.setAside(base, "d");
        assertThat(aside.getParent()).isEqualTo(base);
        restore.createDirectory(base, "d/e/f");
        restore.putBack(aside, base, "d");

        assertThat(base.resolve("d")).isRegularFile().hasContent("precious");
        assertThat(aside).doesNotExist();
    }

    @Test
    void aFileSetAsideStaysBesideWhenARestoredFileIsWhereItWas() throws IOException {
        Files.writeString(base.resolve("d"), "precious");
        Path aside = writer.setAside(base, "d");
        FileEntry entry = file("r/d/x", "x");
        writer.publish(writer.stageFile(base, "d/x", entry, stream("x"), "b1"), base, "d/x", entry);

        assertThatThrownBy(() -> writer.putBack(aside, base, "d")).isInstanceOf(IOException.class);

        assertThat(aside).hasContent("precious");
        assertThat(base.resolve("d/x")).hasContent("x");
    }

    @Test
    void nothingIsSetAsideWhereADirectoryOrNothingIs() throws IOException {
        Files.createDirectory(base.resolve("d"));

        assertThat(writer.setAside(base, "d")).isNull();
        assertThat(writer.setAside(base, "absent")).isNull();
        assertThat(writer.setAside(base, "")).isNull();
    }

    @Test
    void theBaseItselfCanBeCreatedAndFinished() throws IOException {
        Path fresh = tmp.resolve("fresh/root");
        Instant mtime = Instant.parse("2019-01-01T00:00:00Z");

        writer.createDirectory(fresh, "");
        writer.finishDirectory(fresh, "", directory("root", 0700, mtime));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
        assertThat(Files.getLastModifiedTime(fresh).toInstant()).isEqualTo(mtime);
    }

    @Test
    void aSingleFileCanBeRestoredAsTheBaseItself() throws IOException {
        Path single = tmp.resolve("elsewhere/notes.txt");
        FileEntry entry = file("notes.txt", "note");
        assertThat(writer.inspect(single, "", entry)).isEqualTo(Existing.ABSENT);

        writer.publish(writer.stageFile(single, "", entry, stream("note"), "b1"), single, "", entry);

        assertThat(single).hasContent("note");
        assertThat(writer.inspect(single, "", entry)).isEqualTo(Existing.SAME);
    }

    @Test
    void namesNearTheFileSystemLimitGetAShortenedTemporaryName() throws IOException {
        String name = "\u00e9".repeat(120); // 240 bytes of UTF-8: the decorated temporary name would not fit
        Files.writeString(base.resolve(name), "old"); // so that a temporary is needed
        FileEntry entry = file("r/" + name, "x");

        Path temporary = writer.stageFile(base, name, entry, stream("x"), "b1");
        assertThat(temporary.getFileName().toString()).endsWith(".tmp");
        writer.publish(temporary, base, name, entry);

        assertThat(base.resolve(name)).hasContent("x");
    }

    @Test
    void discardRemovesAStagedFileWhereverItWasWrittenAndIgnoresOneAlreadyGone() throws IOException {
        Files.writeString(base.resolve("b"), "old");
        Path inPlace = writer.stageFile(base, "a", file("r/a", "x"), stream("x"), "b1");
        Path beside = writer.stageFile(base, "b", file("r/b", "y"), stream("y"), "b1");

        writer.discard(inPlace);
        writer.discard(beside);
        writer.discard(inPlace);

        assertThat(inPlace).doesNotExist();
        assertThat(beside).doesNotExist();
        assertThat(base.resolve("b")).hasContent("old");
    }

    /** A change made now would show in the ctime even on a file system that keeps it to the jiffy. */
    private static void sleepPastTheClockTick() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(String relative, String content) throws IOException {
        FileEntry entry = file("r/" + relative, content);
        writer.publish(writer.stageFile(base, relative, entry, stream(content), "b1"), base, relative, entry);
    }

    private java.util.List<Path> tempFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
