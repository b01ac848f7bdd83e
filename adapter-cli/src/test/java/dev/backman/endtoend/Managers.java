package dev.backman.endtoend;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupManagerBuilder;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.port.ArchiveCodec;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.SourceScanner;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import dev.backman.filesystem.checksum.JdkChecksums;
import dev.backman.filesystem.json.JsonRepositoryDocuments;
import dev.backman.filesystem.lock.LocalRepositoryLock;
import dev.backman.filesystem.restore.LocalRestoreWriter;
import dev.backman.filesystem.scan.FileSystemSourceScanner;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** Builds managers on real adapters, the way an embedding host does (no Guice). */
final class Managers {
    private Managers() {
    }

    static BackupManager onDisk(BackupConfig config, Clock clock) {
        return onDisk(config, clock, new CommonsCompressArchiveCodec(), ProgressListener.NONE);
    }

    static BackupManager onDisk(BackupConfig config, Clock clock, ArchiveCodec codec, ProgressListener listener) {
        return onDisk(config, clock, codec, listener, UnaryOperator.identity());
    }

    static BackupManager onDisk(BackupConfig config, Clock clock, ArchiveCodec codec, ProgressListener listener,
                                UnaryOperator<ArchiveStorage> storageDecorator) {
        return onDisk(config, clock, storageDecorator, new FileSystemSourceScanner(), codec, listener);
    }

    static BackupManager onDisk(BackupConfig config, Clock clock, UnaryOperator<ArchiveStorage> storageDecorator,
                                SourceScanner scanner, ArchiveCodec codec, ProgressListener listener) {
        Path repo = Path.of(config.backupLocation());
        return local(config, clock)
                .storage(storageDecorator.apply(new LocalDiskArchiveStorage(repo)))
                .codec(codec)
                .scanner(scanner)
                .listener(listener)
                .build();
    }

    /** A builder with every local adapter and the SQLite catalog in the repository; tests change what they need. */
    static BackupManagerBuilder local(BackupConfig config, Clock clock) {
        Path repo = Path.of(config.backupLocation());
        return local(config, clock, SqliteBackupCatalog.open(repo.resolve("catalog.db")));
    }

    /** As {@link #local(BackupConfig, Clock)} with the given catalog. */
    static BackupManagerBuilder local(BackupConfig config, Clock clock, BackupCatalog catalog) {
        Path repo = Path.of(config.backupLocation());
        return BackupManager.builder()
                .config(config)
                .storage(new LocalDiskArchiveStorage(repo))
                .catalog(catalog)
                .codec(new CommonsCompressArchiveCodec())
                .scanner(new FileSystemSourceScanner())
                .checksums(new JdkChecksums())
                .documents(new JsonRepositoryDocuments())
                .lock(new LocalRepositoryLock(repo))
                .restoreWriter(new LocalRestoreWriter())
                .clock(clock)
                .listener(ProgressListener.NONE);
    }
}
