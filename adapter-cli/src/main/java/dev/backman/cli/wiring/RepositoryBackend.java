package dev.backman.cli.wiring;

import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.RepositoryLock;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What one kind of repository location (one URI scheme) provides. {@link StorageModule} picks the backend by the
 * location's scheme; a new kind of storage is one more backend bound under its scheme.
 */
public interface RepositoryBackend {

    /**
     * The storage at the location (the repository itself, or an offsite copy of it).
     *
     * @param location where the storage is
     * @return the storage; the caller closes it
     */
    ArchiveStorage openStorage(RepositoryLocation location);

    /**
     * The lock that excludes other writers of the repository in {@code storage}, across processes.
     *
     * @param location the repository's location
     * @param storage  the repository's storage
     * @return the lock
     */
    RepositoryLock openLock(RepositoryLocation location, ArchiveStorage storage);

    /**
     * Removes the lock records that writers which are gone left in the repository ({@code unlock --force}); returns
     * who they named. A backend whose locks the OS releases has none to remove.
     *
     * @param storage the repository's storage
     * @return who the removed records named
     */
    List<String> breakLocks(ArchiveStorage storage);

    /**
     * The catalog when {@code catalog_path} is not set, opened with {@code opener}. Called on the catalog's first
     * use (see {@code CatalogModule}), so a catalog named after the repository's id is opened only once the
     * repository exists.
     *
     * @param location the repository's location
     * @param identity the repository's id
     * @param opener   opens (or recreates) a catalog file
     * @return the catalog
     */
    BackupCatalog openDefaultCatalog(RepositoryLocation location, RepositoryIdentity identity,
                                     Function<Path, BackupCatalog> opener);
}
