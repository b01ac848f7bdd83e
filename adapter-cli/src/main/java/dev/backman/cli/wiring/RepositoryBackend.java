package dev.backman.cli.wiring;

import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.RepositoryLock;
import java.nio.file.Path;

/**
 * What one kind of repository location (one URI scheme) provides. {@link StorageModule} picks the backend by the
 * location's scheme; a new kind of storage is one more backend bound under its scheme.
 */
public interface RepositoryBackend {

    ArchiveStorage openStorage(RepositoryLocation location);

    /** The lock that excludes other writers of this repository, across processes. */
    RepositoryLock openLock(RepositoryLocation location);

    /** Where the catalog lives when {@code catalog_path} is not set. */
    Path defaultCatalogPath(RepositoryLocation location);

    /** Whether a repository has been created at the location (commands that only read refuse to create one). */
    boolean exists(RepositoryLocation location);
}
