package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.RepositoryDocuments;
import dev.backman.sqlite.SqliteBackupCatalog;
import dev.backman.sqlite.SqliteNativeLibrary;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The SQLite catalog: at {@code catalog_path}, or where the repository's backend puts it by default (beside a local
 * repository; in the per-user data directory, named after the repository's id, for S3 and encrypted repositories).
 */
public final class CatalogModule extends AbstractModule {
    private final Function<Path, BackupCatalog> opener;

    /** Opens the existing catalog (creating it when missing). */
    public CatalogModule() {
        this(SqliteBackupCatalog::open);
    }

    private CatalogModule(Function<Path, BackupCatalog> opener) {
        this.opener = path -> {
            // sqlite's native library from the data directory rather than extracted to /tmp on every start
            new SqliteNativeLibrary(DataDirectory.fromEnvironment().nativeLibraries()).install();
            return opener.apply(path);
        };
    }

    /**
     * For {@code catalog rebuild}: a new, empty catalog in place of the old file, which may be unreadable. The
     * file is replaced on first use, which the rebuild makes while it holds the repository lock, so no other
     * writer is using the old catalog then, and a rebuild that cannot start leaves it untouched.
     *
     * @return the module
     */
    public static CatalogModule recreating() {
        return new CatalogModule(SqliteBackupCatalog::recreate);
    }

    /**
     * The catalog, opened on first use: a backup's scan then starts while SQLite and Jdbi are set up (about a
     * tenth of a second of class loading and initialization), and commands that never read it never open it.
     */
    @Provides
    @Singleton
    BackupCatalog catalog(BackupConfig config, RepositoryBackend backend, RepositoryLocation location,
                          ArchiveStorage storage, RepositoryDocuments documents, RepositoryKeyring keyring) {
        return new LazyBackupCatalog(() -> {
            if (config.catalogPath() != null) {
                return opener.apply(config.catalogPath());
            }
            RepositoryIdentity identity = new RepositoryIdentity(storage, documents, keyring);
            if (keyring.encrypted()) { // file names in clear must not lie beside encrypted archives
                return opener.apply(DataDirectory.fromEnvironment().catalogOf(identity.id()));
            }
            return backend.openDefaultCatalog(location, identity, opener);
        });
    }
}
