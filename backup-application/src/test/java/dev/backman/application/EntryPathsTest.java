package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.UnsafeArchiveEntry;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.SourceRoot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPathsTest {

    @Test
    void acceptsAnOrdinaryTree() {
        assertThatCode(() -> EntryPaths.requireSafe(manifest(dir("src"), file("src/a b/ü.txt"),
                link("src/link", "../../etc/passwd")))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "src/../../x", "src/./x", "src//x", "other/x", "..", "", "src/x/",
        "src/x/..", "src/.", "src/../src"})
    void refusesNamesThatLeaveTheTarget(String name) {
        assertThatThrownBy(() -> EntryPaths.requireSafe(manifest(dir("src"), file(name))))
                .isInstanceOf(UnsafeArchiveEntry.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/.hidden", "src/..x", "src/x..", "src/...", "src/.x./y"})
    void acceptsNamesWithDotsThatAreNotDotSegments(String name) {
        assertThatCode(() -> EntryPaths.requireSafe(manifest(dir("src"), file(name)))).doesNotThrowAnyException();
    }

    @Test
    void refusesEntriesBelowASymlinkOfTheSameBackup() {
        assertThatThrownBy(() -> EntryPaths.requireSafe(manifest(dir("src"), link("src/l", "/etc"),
                file("src/l/passwd")))).isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("symlink");
    }

    @Test
    void refusesEntriesBelowASymlinkListedAfterThem() {
        assertThatThrownBy(() -> EntryPaths.requireSafe(manifest(dir("src"), file("src/l/passwd"),
                link("src/l", "/etc")))).isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("symlink");
    }

    @Test
    void refusesEntriesBelowAFileOfTheSameBackup() {
        assertThatThrownBy(() -> EntryPaths.requireSafe(manifest(dir("src"), file("src/a/b"), file("src/a"))))
                .isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("below a file");
    }

    @Test
    void refusesEntriesFarBelowASymlinkWhateverIsListedInBetween() {
        // a directory entry below the link, and a level the manifest does not list at all
        assertThatThrownBy(() -> EntryPaths.requireSafe(manifest(dir("src"), file("src/l/d/unlisted/passwd"),
                dir("src/l/d"), link("src/l", "/etc")))).isInstanceOf(UnsafeArchiveEntry.class)
                .hasMessageContaining("symlink of the same backup (src/l)");
        assertThatThrownBy(() -> EntryPaths.requireSafe(manifest(dir("src"), link("src/l", "/etc"),
                file("src/l/x/y/z/passwd")))).isInstanceOf(UnsafeArchiveEntry.class)
                .hasMessageContaining("symlink of the same backup (src/l)");
    }

    @Test
    void acceptsADeepTreeWhoseLevelsAreNotAllListed() {
        assertThatCode(() -> EntryPaths.requireSafe(manifest(dir("src"), file("src/a/b/c/d.txt"),
                dir("src/a/b"), file("src/a/b/e.txt")))).doesNotThrowAnyException();
    }

    @Test
    void refusesRepeatedNames() {
        assertThatThrownBy(() -> EntryPaths.requireSafe(manifest(dir("src"), file("src/a"), file("src/a"))))
                .hasMessageContaining("more than once");
    }

    private static Manifest manifest(FileEntry... files) {
        BackupMetadata backup = BackupMetadata.pending("b", OffsetDateTime.now(), List.of(), CompressionType.TAR);
        return new Manifest(1, backup, List.of(new SourceRoot("src", Path.of("/home/src"))), Arrays.asList(files));
    }

    private static FileEntry dir(String path) {
        return new FileEntry(path, EntryType.DIR, 0, 0755, Instant.EPOCH, null, null, null);
    }

    private static FileEntry file(String path) {
        return new FileEntry(path, EntryType.FILE, 0, 0644, Instant.EPOCH, "e3", null, "b");
    }

    private static FileEntry link(String path, String target) {
        return new FileEntry(path, EntryType.SYMLINK, 0, 0777, Instant.EPOCH, null, target, null);
    }
}
