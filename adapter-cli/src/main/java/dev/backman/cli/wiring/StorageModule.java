package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.RepositoryLock;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chooses the repository's storage and lock by the location's URI scheme, through one {@link MapBinder} of
 * {@link RepositoryBackend}s keyed by scheme. Needs a {@link RepositoryLocation} binding.
 */
public final class StorageModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, RepositoryBackend> backends =
                MapBinder.newMapBinder(binder(), String.class, RepositoryBackend.class);
        backends.addBinding(RepositoryLocation.FILE).to(LocalDiskBackend.class);
    }

    @Provides
    @Singleton
    RepositoryBackend backend(Map<String, RepositoryBackend> backends, RepositoryLocation location) {
        RepositoryBackend backend = backends.get(location.scheme());
        if (backend == null) {
            throw new InvalidConfiguration("backup_location", "unsupported scheme '" + location.scheme() + "://' in "
                    + location.value() + "; this version supports: " + String.join(", ", new TreeSet<>(backends.keySet())));
        }
        return backend;
    }

    @Provides
    @Singleton
    ArchiveStorage storage(RepositoryBackend backend, RepositoryLocation location) {
        return backend.openStorage(location);
    }

    @Provides
    @Singleton
    RepositoryLock lock(RepositoryBackend backend, RepositoryLocation location) {
        return backend.openLock(location);
    }
}
