package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.SourceRoot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

class ManifestCheckTest {
    private static final String SHA = "a".repeat(64);

    @Test
    void acceptsAManifestWhoseEntriesCarryWhatARestoreNeeds() {
        Manifest manifest = manifest("b1", file("src/a", 3, SHA, "b1"),
                new FileEntry("src/l", EntryType.SYMLINK, 0, 0777, Instant.EPOCH, null, "a", null));

        assertThat(ManifestCheck.require("b1", manifest)).isSameAs(manifest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "g", "/", ":", "`", "\u00e9", "\u0130", " "})
    void refusesADigestWithAnyCharacterThatIsNoLowerCaseHexDigit(String bad) {
        String digest = SHA.substring(0, 40) + bad + SHA.substring(41);

        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b1", file("src/a", 3, digest, "b1"))))
                .hasMessageContaining("has no valid sha256");
        assertThat(ManifestCheck.require("b1", manifest("b1", file("src/a", 3, SHA, "b1")))).isNotNull();
    }

    @Test
    void refusesAManifestThatDescribesAnotherBackup() {
        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b2")))
                .isInstanceOf(IntegrityViolation.class)
                .hasMessageContaining("manifests/b1.json").hasMessageContaining("describes backup 'b2'");
    }

    @Test
    void refusesFilesWithoutDigestHolderOrSize() {
        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b1", file("src/a", 3, null, "b1"))))
                .hasMessageContaining("manifests/b1.json").hasMessageContaining("files[0] (src/a) has no valid sha256");
        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b1", file("src/a", 3, "XYZ", "b1"))))
                .hasMessageContaining("sha256");
        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b1", file("src/a", 3, SHA, "../../etc"))))
                .hasMessageContaining("stored_in");
        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b1", file("src/a", 3, SHA, null))))
                .hasMessageContaining("stored_in");
        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b1", file("src/a", -1, SHA, "b1"))))
                .hasMessageContaining("negative size");
    }

    @Test
    void refusesASymlinkWithoutATarget() {
        FileEntry link = new FileEntry("src/l", EntryType.SYMLINK, 0, 0777, Instant.EPOCH, null, "", null);

        assertThatThrownBy(() -> ManifestCheck.require("b1", manifest("b1", link)))
                .isInstanceOf(IntegrityViolation.class).hasMessageContaining("link_target");
    }

    @Test
    void refusesAManifestThatNamesAnotherRepository() {
        Manifest foreign = manifest("b1").withRepositoryId("repo-b");

        assertThatThrownBy(() -> ManifestCheck.require("b1", "repo-a", foreign))
                .isInstanceOf(IntegrityViolation.class)
                .hasMessageContaining("manifests/b1.json")
                .hasMessageContaining("belongs to another repository (id repo-b), not this one (id repo-a)");
    }

    @Test
    void acceptsAManifestOfItsOwnRepositoryOrOfFormatOneThatNamesNone() {
        Manifest own = manifest("b1").withRepositoryId("repo-a");
        Manifest formatOne = manifest("b1");

        assertThat(ManifestCheck.require("b1", "repo-a", own)).isSameAs(own);
        assertThat(ManifestCheck.require("b1", "repo-a", formatOne)).isSameAs(formatOne);
    }

    @Test
    void entriesCheckedOneAtATimeArePassedOnUntilTheFirstInvalidOneWhichRefusesTheManifest() {
        List<FileEntry> passed = new ArrayList<>();
        ManifestCheck.EntryCheck check = new ManifestCheck.EntryCheck(passed::add);
        FileEntry good = file("src/a", 3, SHA, "b1");

        check.accept(good);
        check.accept(file("src/b", 3, "XYZ", "b1"));
        check.accept(file("src/c", 3, SHA, "b1"));

        assertThat(passed).containsExactly(good);
        assertThatThrownBy(() -> check.requireValid("b1"))
                .isInstanceOf(IntegrityViolation.class)
                .hasMessageContaining("manifests/b1.json: invalid manifest: files[1] (src/b) has no valid sha256");
    }

    @Test
    void entriesThatAreAllValidPassTheCheck() {
        List<FileEntry> passed = new ArrayList<>();
        ManifestCheck.EntryCheck check = new ManifestCheck.EntryCheck(passed::add);

        check.accept(file("src/a", 3, SHA, "b1"));
        check.accept(file("src/b", 0, SHA, "b0"));
        check.requireValid("b1");

        assertThat(passed).extracting(FileEntry::path).containsExactly("src/a", "src/b");
    }

    private static Manifest manifest(String id, FileEntry... files) {
        BackupMetadata backup = BackupMetadata.pending(id, OffsetDateTime.now(), List.of(), CompressionType.TAR);
        return new Manifest(1, backup, List.of(new SourceRoot("src", Path.of("/home/src"))), List.of(files));
    }

    private static FileEntry file(String path, long size, String sha, String storedIn) {
        return new FileEntry(path, EntryType.FILE, size, 0644, Instant.EPOCH, sha, null, storedIn);
    }
}
