package dev.backman.example;

import dev.backman.application.BackupManager;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ProgressListener;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import dev.backman.filesystem.checksum.JdkChecksums;
import dev.backman.filesystem.json.JsonRepositoryDocuments;
import dev.backman.filesystem.lock.LocalRepositoryLock;
import dev.backman.filesystem.restore.LocalRestoreWriter;
import dev.backman.filesystem.scan.FileSystemSourceScanner;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.nio.file.Path;
import java.util.List;

/**
 * A host without Guice: it assembles a {@link BackupManager} from the adapters' public constructors (a repository on
 * local disk, the SQLite catalog beside it), backs up a folder, lists the backups, restores the new one and compares
 * it with the folder. Run it with {@code SOURCE WORKDIR}.
 */
public final class PlainJavaHost {
    private PlainJavaHost() {
    }

    /**
     * Backs up {@code args[0]} into {@code args[1]/repository} and restores it into {@code args[1]/restored},
     * printing progress.
     *
     * @param args the folder to back up and a working directory
     */
    public static void main(String[] args) {
        Path work = Path.of(args[1]);
        HostRun run = run(Path.of(args[0]), work.resolve("repository"), work.resolve("restored"),
                new PrintingListener(System.out));
        System.out.println(run.summary());
    }

    /**
     * Backs up {@code source}, lists, restores into {@code target} and compares.
     *
     * @param source     the folder to back up
     * @param repository the repository directory (created on first use)
     * @param target     where the backup is restored ({@code target/<folder name>})
     * @param listener   receives progress and warnings
     * @return what the host saw
     */
    public static HostRun run(Path source, Path repository, Path target, ProgressListener listener) {
        BackupConfig config = BackupConfig.defaults()
                .withSourcePaths(List.of(source))
                .withBackupLocation(repository.toString())
                .withCompressionType(CompressionType.TAR_ZST);
        try (BackupManager manager = BackupManager.builder()
                .config(config)
                .storage(new LocalDiskArchiveStorage(repository))
                .catalog(SqliteBackupCatalog.open(repository.resolve("catalog.db")))
                .codec(new CommonsCompressArchiveCodec())
                .scanner(new FileSystemSourceScanner())
                .checksums(new JdkChecksums())
                .documents(new JsonRepositoryDocuments())
                .lock(new LocalRepositoryLock(repository))
                .restoreWriter(new LocalRestoreWriter())
                .listener(listener)
                .build()) {
            return HostRun.exercise(manager, source, target);
        }
    }
}
