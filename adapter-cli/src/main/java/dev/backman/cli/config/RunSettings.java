package dev.backman.cli.config;

import dev.backman.domain.model.BackupConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one command run needs to open the repository: the effective configuration (file, then flags), the
 * parsed location, the {@code s3:} settings and offsite locations, how long to wait for another writer, whether
 * warnings are silenced, where an encrypted repository's passphrase comes from, and the {@code schedule:} settings.
 */
public record RunSettings(BackupConfig config, RepositoryLocation location, S3Options s3,
                          List<RepositoryLocation> offsite, Duration lockWait, boolean quiet,
                          EncryptionOptions encryption, ScheduleOptions schedule) {
    public RunSettings {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(s3, "s3");
        offsite = List.copyOf(offsite);
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** The same settings, asking for a repository created by this run to be encrypted ({@code init --encrypt}). */
    public RunSettings withEncryptionRequested() {
        return new RunSettings(config, location, s3, offsite, lockWait, quiet, encryption.withRequested(),
                schedule);
    }
}
