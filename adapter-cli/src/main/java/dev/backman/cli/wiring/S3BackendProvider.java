package dev.backman.cli.wiring;

import com.google.inject.Provider;
import dev.backman.cli.config.RunSettings;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Creates the {@link S3Backend} only when an {@code s3://} location is used: this class refers to no AWS SDK type,
 * so a run on a local repository never loads the SDK (it costs a good part of a second at startup).
 */
final class S3BackendProvider implements Provider<RepositoryBackend> {
    private final RunSettings settings;
    private final Clock clock;

    @Inject
    S3BackendProvider(RunSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RepositoryBackend get() {
        return new S3Backend(settings.s3(), DataDirectory.fromEnvironment(), clock);
    }
}
