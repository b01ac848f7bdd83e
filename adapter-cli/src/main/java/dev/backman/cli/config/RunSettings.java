package dev.backman.cli.config;

import dev.backman.domain.model.BackupConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one command run needs to open the repository: the effective configuration (file, then flags), the
 * parsed location, how long to wait for another writer, and whether warnings are silenced.
 */
public record RunSettings(BackupConfig config, RepositoryLocation location, Duration lockWait, boolean quiet) {
    public RunSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(lockWait, "lockWait");
    }
}
