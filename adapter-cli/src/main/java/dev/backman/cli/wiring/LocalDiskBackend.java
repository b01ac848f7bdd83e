package dev.backman.cli.wiring;

import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.filesystem.lock.LocalRepositoryLock;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repository in a local directory ({@code file} scheme); the catalog defaults to {@code <dir>/catalog.db}. */
final class LocalDiskBackend implements RepositoryBackend {
    static final String CATALOG_FILE = "catalog.db";

    @Override
    public ArchiveStorage openStorage(RepositoryLocation location) {
        return new LocalDiskArchiveStorage(location.localPath());
    }

    @Override
    public RepositoryLock openLock(RepositoryLocation location) {
        return new LocalRepositoryLock(location.localPath());
    }

    @Override
    public Path defaultCatalogPath(RepositoryLocation location) {
        return location.localPath().resolve(CATALOG_FILE);
    }

    @Override
    public boolean exists(RepositoryLocation location) {
        return Files.isRegularFile(location.localPath().resolve(RepositoryLayout.DESCRIPTOR));
    }
}
