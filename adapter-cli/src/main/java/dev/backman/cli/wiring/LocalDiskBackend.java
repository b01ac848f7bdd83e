package dev.backman.cli.wiring;

import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.filesystem.lock.LocalRepositoryLock;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** A repository in a local directory ({@code file} scheme); the catalog defaults to {@code <dir>/catalog.db}. */
final class LocalDiskBackend implements RepositoryBackend {
    static final String CATALOG_FILE = "catalog.db";

    @Override
    public ArchiveStorage openStorage(RepositoryLocation location) {
        return new LocalDiskArchiveStorage(location.localPath());
    }

    @Override
    public RepositoryLock openLock(RepositoryLocation location, ArchiveStorage storage) {
        return new LocalRepositoryLock(location.localPath());
    }

    /**
     * The OS releases the lock of a process that ended, and the next writer removes its record; this removes such
     * records now. A lock that a live process holds cannot be broken: that fails naming the process.
     */
    @Override
    public List<String> breakLocks(ArchiveStorage storage) {
        return new LocalRepositoryLock(Path.of(storage.location())).removeStaleRecords();
    }

    @Override
    public BackupCatalog openDefaultCatalog(RepositoryLocation location, RepositoryIdentity identity,
                                            Function<Path, BackupCatalog> opener) {
        return opener.apply(location.localPath().resolve(CATALOG_FILE));
    }
}
