package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.application.BackupManager;
import dev.backman.domain.error.BackupFailed;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ProgressListener;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup that fails keeps its first error even when removing what it wrote fails too (storage gone). */
class FailedBackupCleanupTest {
    @TempDir
    Path dir;

    @Test
    void theFirstErrorIsReportedAndTheBackupMarkedFailedWhenCleanupFailsToo() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString());
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
        try (BackupManager manager = Managers.onDisk(config, clock, new CommonsCompressArchiveCodec(),
                ProgressListener.NONE, real -> new StorageGoneAfterWriting(
                        FullDiskStorage.fillingUpAt(real, "archives/", 1024)))) {
            assertThatThrownBy(() -> manager.createBackup("doomed")).isInstanceOf(BackupFailed.class)
                    .hasMessageContaining("No space left on device")
                    .satisfies(e -> assertThat(e.getCause().getSuppressed()).isNotEmpty());
            assertThat(manager.getBackupStatus("doomed").orElseThrow().status()).isEqualTo(BackupStatus.FAILED);
        }
    }

    /** Deleting fails as on a store that became unreachable. */
    private static final class StorageGoneAfterWriting extends ForwardingStorage {
        StorageGoneAfterWriting(ArchiveStorage real) {
            super(real);
        }

        @Override
        public void delete(String key) {
            throw new StorageFailure(real.location(), "cannot reach the store to delete " + key, true, null);
        }
    }
}
