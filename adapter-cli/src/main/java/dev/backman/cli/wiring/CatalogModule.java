package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.nio.file.Path;

/** The SQLite catalog: at {@code catalog_path}, or where the repository's backend puts it by default. */
public final class CatalogModule extends AbstractModule {

    @Provides
    @Singleton
    BackupCatalog catalog(BackupConfig config, RepositoryBackend backend, RepositoryLocation location) {
        Path path = config.catalogPath() != null ? config.catalogPath() : backend.defaultCatalogPath(location);
        return SqliteBackupCatalog.open(path);
    }
}
