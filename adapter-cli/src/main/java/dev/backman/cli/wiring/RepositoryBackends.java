package dev.backman.cli.wiring;

import com.google.inject.Provider;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.domain.error.InvalidConfiguration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The backends bound by scheme, created only when a location of their scheme is used (the S3 backend loads the AWS
 * SDK). One backend per scheme per run.
 */
final class RepositoryBackends {
    private final Map<String, Provider<RepositoryBackend>> providers;
    private final Map<String, RepositoryBackend> created = new HashMap<>();

    RepositoryBackends(Map<String, Provider<RepositoryBackend>> providers) {
        this.providers = providers;
    }

    /** The backend of {@code location}'s scheme; {@code key} names the setting in the error for an unknown one. */
    synchronized RepositoryBackend of(RepositoryLocation location, String key) {
        Provider<RepositoryBackend> provider = providers.get(location.scheme());
        if (provider == null) {
            throw new InvalidConfiguration(key, "unsupported scheme '" + location.scheme() + "://' in "
                    + location.value() + "; this version supports: "
                    + String.join(", ", new TreeSet<>(providers.keySet())));
        }
        return created.computeIfAbsent(location.scheme(), scheme -> provider.get());
    }
}
