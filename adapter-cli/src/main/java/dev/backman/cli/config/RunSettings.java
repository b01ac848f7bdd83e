package dev.backman.cli.config;

import dev.backman.domain.model.BackupConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one command run needs to open the repository: the effective configuration (file, then flags), the
 * parsed location, the {@code s3:} settings and offsite locations, how long to wait for another writer, and whether
 * warnings are silenced.
 */
public record RunSettings(BackupConfig config, RepositoryLocation location, S3Options s3,
                          List<RepositoryLocation> offsite, Duration lockWait, boolean quiet) {
    public RunSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(s3, "s3");
        offsite = List.copyOf(offsite);
        Objects.requireNonNull(lockWait, "lockWait");
    }
}
