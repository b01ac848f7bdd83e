package dev.backman.cli.wiring;

import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.RepositoryDocuments;
import dev.backman.domain.port.RepositoryLock;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What one kind of repository location (one URI scheme) provides. {@link StorageModule} picks the backend by the
 * location's scheme; a new kind of storage is one more backend bound under its scheme.
 */
public interface RepositoryBackend {

    /** The storage at the location (the repository itself, or an offsite copy of it). */
    ArchiveStorage openStorage(RepositoryLocation location);

    /** The lock that excludes other writers of the repository in {@code storage}, across processes. */
    RepositoryLock openLock(RepositoryLocation location, ArchiveStorage storage);

    /**
     * Removes the lock records that writers which are gone left in the repository ({@code unlock --force}); returns
     * who they named. A backend whose locks the OS releases has none to remove.
     */
    List<String> breakLocks(ArchiveStorage storage);

    /**
     * The catalog when {@code catalog_path} is not set, opened with {@code opener}. A backend whose catalog is
     * named after the repository's id may open it on first use, when the repository exists.
     */
    BackupCatalog openDefaultCatalog(RepositoryLocation location, ArchiveStorage storage,
                                     RepositoryDocuments documents, Function<Path, BackupCatalog> opener);
}
