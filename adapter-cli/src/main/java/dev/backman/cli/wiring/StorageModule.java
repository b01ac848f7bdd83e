package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Named;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.cli.config.RunSettings;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.RepositoryLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the storages and the lock by each location's URI scheme, through one {@link MapBinder} of
 * {@link RepositoryBackend}s keyed by scheme ({@code file}, {@code s3}). Backends are injected as providers, so only
 * the schemes in use are ever created. An encrypted repository's storages encrypt and decrypt
 * ({@link RepositoryKeyring}). Needs {@link RepositoryLocation} and {@link RunSettings} bindings.
 */
public final class StorageModule extends AbstractModule {
    /** The offsite copies' storages ({@code List<ArchiveStorage>}), in configuration order. */
    public static final String OFFSITE = "offsite";

    @Override
    protected void configure() {
        MapBinder<String, RepositoryBackend> backends =
                MapBinder.newMapBinder(binder(), String.class, RepositoryBackend.class);
        backends.addBinding(RepositoryLocation.FILE).to(LocalDiskBackend.class);
        backends.addBinding("s3").toProvider(S3BackendProvider.class);
    }

    @Provides
    @Singleton
    RepositoryBackends backends(Map<String, Provider<RepositoryBackend>> providers) {
        return new RepositoryBackends(providers);
    }

    @Provides
    @Singleton
    RepositoryBackend backend(RepositoryBackends backends, RepositoryLocation location) {
        return backends.of(location, "backup_location");
    }

    @Provides
    @Singleton
    RepositoryKeyring keyring(RunSettings settings) {
        return new RepositoryKeyring(settings, new Passphrases(System.getenv(), System.console()));
    }

    @Provides
    @Singleton
    ArchiveStorage storage(RepositoryBackend backend, RepositoryLocation location, RepositoryKeyring keyring) {
        return keyring.protect(backend.openStorage(location));
    }

    @Provides
    @Singleton
    RepositoryLock lock(RepositoryBackend backend, RepositoryLocation location, ArchiveStorage storage,
                        RepositoryKeyring keyring) {
        RepositoryLock lock = backend.openLock(location, storage);
        return (operation, wait) -> { // a wrong passphrase fails before a lock record is written
            keyring.awaitKey();
            return lock.acquire(operation, wait);
        };
    }

    @Provides
    @Singleton
    @Named(OFFSITE)
    List<ArchiveStorage> offsite(RepositoryBackends backends, RunSettings settings, RepositoryKeyring keyring,
                                 ArchiveStorage repository) { // the repository first: it tells whether to encrypt
        List<ArchiveStorage> storages = new ArrayList<>();
        for (int i = 0; i < settings.offsite().size(); i++) {
            RepositoryLocation location = settings.offsite().get(i);
            RepositoryBackend backend = backends.of(location, "offsite[" + i + "].location"); // scheme checked now
            storages.add(new LazyArchiveStorage(() -> keyring.protectOffsite(backend.openStorage(location))));
        }
        return storages;
    }
}
