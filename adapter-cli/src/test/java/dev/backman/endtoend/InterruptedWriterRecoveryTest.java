package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.BackupManager;
import dev.backman.application.RestoreRequest;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ProgressListener;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states a writer killed at a precise step leaves (the kill harness reaches them at random), recovered by the
 * next run: a backup whose archive was published but not its manifest fails as interrupted; one whose manifest was
 * published is completed with its file list; a backup whose prune stopped after its manifest is marked corrupted,
 * keeps its archive, and the next prune finishes the removal.
 */
class InterruptedWriterRecoveryTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private Path repo;

    @BeforeEach
    void firstBackup() throws IOException {
        TreeFixture.tricky(dir, "project");
        repo = dir.resolve("backups");
        try (BackupManager manager = manager()) {
            manager.createBackup("b1");
        }
    }

    @Test
    void aBackupKilledAfterItsArchiveButBeforeItsManifestIsFailedAsInterruptedAndItsArchiveRemoved()
            throws IOException {
        Files.delete(repo.resolve("manifests/b1.json"));
        Files.writeString(repo.resolve("tmp/b2.tar.zst.123.part"), "half an archive");
        Files.writeString(repo.resolve("locks/dead-host-1.json.tmp"), "{\"pid\":1");
        markInProgress("b1");

        try (BackupManager manager = manager()) {
            BackupMetadata next = manager.createBackup("b2");

            BackupMetadata interrupted = manager.getBackupStatus("b1").orElseThrow();
            assertThat(interrupted.status()).isEqualTo(BackupStatus.FAILED);
            assertThat(interrupted.errorMessage()).isEqualTo("interrupted");
            assertThat(next.backupType()).as("nothing to build on").isEqualTo(BackupType.FULL);
        }
        assertThat(repo.resolve("archives/b1.tar.zst")).doesNotExist();
        assertThat(repo.resolve("tmp")).isEmptyDirectory();
        assertThat(repo.resolve("locks/dead-host-1.json.tmp")).doesNotExist();
        assertThat(warnings).contains("backup b1 was interrupted; recorded it as failed");
    }

    @Test
    void aBackupKilledAfterItsManifestIsCompletedWithItsFileListAndRestores() throws IOException {
        int files;
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(repo.resolve("catalog.db"))) {
            files = catalog.files("b1").size();
            catalog.saveFiles("b1", List.of()); // killed before the catalog got the file list
        }
        markInProgress("b1");

        try (BackupManager manager = manager()) {
            BackupMetadata next = manager.createBackup("b2");

            assertThat(manager.getBackupStatus("b1").orElseThrow().status()).isEqualTo(BackupStatus.COMPLETED);
            assertThat(next.backupType()).isEqualTo(BackupType.INCREMENTAL);
            assertThat(next.storedFiles()).as("the recovered file list lets b2 store nothing again").isZero();
            manager.restore(RestoreRequest.of("b2", dir.resolve("restored")));
        }
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(repo.resolve("catalog.db"))) {
            assertThat(catalog.files("b1")).hasSize(files);
        }
        TreeFixture.assertSameTree(dir.resolve("project"), dir.resolve("restored/project"));
    }

    @Test
    void aBackupWhosePruneStoppedAfterItsManifestIsMarkedCorruptedKeptAndRemovedByTheNextPrune()
            throws IOException {
        Files.delete(repo.resolve("manifests/b1.json"));

        try (BackupManager manager = manager(c -> c.withRetentionDays(7))) {
            clock.advance(Duration.ofDays(1));
            BackupMetadata next = manager.createBackup("b2");
            assertThat(manager.getBackupStatus("b1").orElseThrow().status()).isEqualTo(BackupStatus.CORRUPTED);
            assertThat(repo.resolve("archives/b1.tar.zst")).as("its archive is kept").exists();
            assertThat(next.backupType()).as("a chain with a corrupted backup is not built on")
                    .isEqualTo(BackupType.FULL);
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("backup b1 is corrupted: its manifest"));

            clock.advance(Duration.ofDays(10));
            assertThat(manager.prune(false).removed()).contains("b1");
            assertThat(manager.getBackupStatus("b1")).isEmpty();
        }
        assertThat(repo.resolve("archives/b1.tar.zst")).doesNotExist();
    }

    @Test
    void aBackupWhosePruneStoppedAfterItsFilesIsDroppedFromTheCatalog() throws IOException {
        Files.delete(repo.resolve("manifests/b1.json"));
        Files.delete(repo.resolve("archives/b1.tar.zst"));

        try (BackupManager manager = manager()) {
            manager.prune(false);

            assertThat(manager.getBackupStatus("b1")).isEmpty();
        }
    }

    private void markInProgress(String id) {
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(repo.resolve("catalog.db"))) {
            catalog.save(catalog.find(id).orElseThrow().withStatus(BackupStatus.IN_PROGRESS));
        }
    }

    private BackupManager manager() {
        return manager(UnaryOperator.identity());
    }

    private BackupManager manager(UnaryOperator<BackupConfig> configure) {
        BackupConfig config = configure.apply(BackupConfig.defaults().withSourcePaths(List.of(dir.resolve("project")))
                .withBackupLocation(repo.toString()).withCompressionType(CompressionType.TAR_ZST));
        return Managers.onDisk(config, clock, new CommonsCompressArchiveCodec(), new ProgressListener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        });
    }
}
