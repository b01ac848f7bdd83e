package dev.backman.cli.config;

import dev.backman.domain.model.BackupConfig;
import java.util.List;
import java.util.Objects;

/**
 * Everything a configuration file says: the backup settings of the core, the {@code s3:} block and the offsite
 * locations (which the command line wires as adapters).
 *
 * @param config  the core's settings
 * @param s3      settings of every {@code s3://} location
 * @param offsite offsite locations in file order; each gets every completed backup
 * @param encryption the {@code encryption:} block (where the passphrase comes from)
 * @param schedule the {@code schedule:} and {@code retry:} settings
 */
public record ConfigFile(BackupConfig config, S3Options s3, List<RepositoryLocation> offsite,
                         EncryptionOptions encryption, ScheduleOptions schedule) {
    public ConfigFile {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(s3, "s3");
        offsite = List.copyOf(offsite);
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** No file: the defaults. */
    public static ConfigFile of(BackupConfig config) {
        return new ConfigFile(config, S3Options.defaults(), List.of(), EncryptionOptions.none(),
                ScheduleOptions.defaults());
    }
}
