package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupRequest;
import dev.backman.application.RestoreRequest;
import dev.backman.domain.error.BackupFailed;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ProgressListener;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A disk that fills up or fails under a backup: the backup fails with a clear message and is recorded as failed,
 * nothing of it stays in the repository (no temporary file, archive or manifest), earlier backups still verify and
 * restore, and the next backup on a healthy disk completes.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiskFullBackupTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
    private Path source;
    private Map<String, String> firstTree;

    static Stream<Arguments> formatsAndBytes() {
        return Stream.of(
                Arguments.of(CompressionType.ZIP, 0),
                Arguments.of(CompressionType.ZIP, 40_000),
                Arguments.of(CompressionType.TAR, 1),
                Arguments.of(CompressionType.TAR, 300_000),
                Arguments.of(CompressionType.TAR_GZ, 5_000),
                Arguments.of(CompressionType.TAR_ZST, 20_000));
    }

    @ParameterizedTest(name = "{0}, disk full at byte {1}")
    @MethodSource("formatsAndBytes")
    void aDiskThatFillsUpWhileTheArchiveIsWrittenFailsTheBackupAndLeavesNothingBehind(CompressionType type,
                                                                                      long atByte) throws IOException {
        backUpFirst(type);

        FullDiskStorage[] full = new FullDiskStorage[1];
        failingBackup(type, real -> full[0] = FullDiskStorage.fillingUpAt(real, "archives/", atByte),
                "No space left on device", "free some space");

        assertThat(full[0].faults()).as("the disk filled up").isPositive();
        assertNothingLeftOfTheFailedBackupAndTheFirstStillGood(type);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CompressionType.class, names = {"ZIP", "TAR_ZST"})
    void aFailingFsyncWhenTheArchiveIsCommittedFailsTheBackupAndLeavesNothingBehind(CompressionType type)
            throws IOException {
        backUpFirst(type);

        FullDiskStorage[] failing = new FullDiskStorage[1];
        failingBackup(type, real -> failing[0] = FullDiskStorage.failingFsync(real, "archives/"),
                "Input/output error", "cannot write archives/b2." + type.extension());

        assertThat(failing[0].faults()).isEqualTo(1);
        assertNothingLeftOfTheFailedBackupAndTheFirstStillGood(type);
    }

    @Test
    void aDiskThatFillsUpAfterTheArchiveFailsTheBackupAtItsManifestAndRemovesTheArchive() throws IOException {
        backUpFirst(CompressionType.TAR_ZST);

        FullDiskStorage[] full = new FullDiskStorage[1];
        failingBackup(CompressionType.TAR_ZST, real -> full[0] = FullDiskStorage.fillingUpAt(real, "manifests/", 100),
                "No space left on device", "manifests/b2.json");

        assertThat(full[0].faults()).isPositive();
        assertNothingLeftOfTheFailedBackupAndTheFirstStillGood(CompressionType.TAR_ZST);
    }

    @Test
    void aManifestWhoseFsyncFailsFailsTheBackupAndRemovesTheArchive() throws IOException {
        backUpFirst(CompressionType.ZIP);

        failingBackup(CompressionType.ZIP, real -> FullDiskStorage.failingFsync(real, "manifests/"),
                "Input/output error", "manifests/b2.json");

        assertNothingLeftOfTheFailedBackupAndTheFirstStillGood(CompressionType.ZIP);
    }

    private void backUpFirst(CompressionType type) throws IOException {
        source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(type), clock)) {
            assertThat(manager.createBackup("b1").status()).isEqualTo(BackupStatus.COMPLETED);
        }
        firstTree = TreeSnapshot.of(source);
        TreeFixture.write(source.resolve("main/java/New.java"), "class New {}\n".repeat(2_000));
    }

    /** A full backup b2 on the failing storage: it fails, naming the fault, and is recorded as failed. */
    private void failingBackup(CompressionType type, UnaryOperator<ArchiveStorage> failing, String... named) {
        try (BackupManager manager = Managers.onDisk(config(type), clock, new CommonsCompressArchiveCodec(),
                ProgressListener.NONE, failing)) {
            assertThatThrownBy(() -> manager.createBackup(new BackupRequest("b2", List.of(), true, false, false)))
                    .isInstanceOf(BackupFailed.class)
                    .hasMessageContaining("backup b2")
                    .hasMessageContainingAll(named);
            BackupMetadata failed = manager.getBackupStatus("b2").orElseThrow();
            assertThat(failed.status()).isEqualTo(BackupStatus.FAILED);
            assertThat(failed.errorMessage()).contains(named[0]);
            assertThat(failed.archiveSizeBytes()).isZero();
        }
    }

    private void assertNothingLeftOfTheFailedBackupAndTheFirstStillGood(CompressionType type) throws IOException {
        Path repo = dir.resolve("backups");
        assertThat(filesBelow(repo.resolve("tmp"))).as("temporary files").isEmpty();
        assertThat(repo.resolve("manifests/b2.json")).doesNotExist();
        assertThat(repo.resolve("archives/b2." + type.extension())).doesNotExist();
        try (BackupManager manager = Managers.onDisk(config(type), clock)) {
            assertThat(manager.verify(List.of("b1")).allIntact()).as("the earlier backup still verifies").isTrue();
            manager.restore(RestoreRequest.of("b1", dir.resolve("restored")));
            assertThat(TreeSnapshot.of(dir.resolve("restored/project"))).isEqualTo(firstTree);
            BackupMetadata next = manager.createBackup("b3");
            assertThat(next.status()).as("the next backup, with space again").isEqualTo(BackupStatus.COMPLETED);
            assertThat(manager.verify(List.of()).allIntact()).isTrue();
        }
    }

    private BackupConfig config(CompressionType type) {
        return BackupConfig.defaults().withSourcePaths(List.of(dir.resolve("project")))
                .withBackupLocation(dir.resolve("backups").toString()).withCompressionType(type);
    }

    private static List<Path> filesBelow(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
