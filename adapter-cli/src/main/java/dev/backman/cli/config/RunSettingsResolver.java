package dev.backman.cli.config;

import dev.backman.cli.GlobalOptions;
import dev.backman.cli.WorkingDirectory;
import dev.backman.domain.model.BackupConfig;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out a run's settings: the configuration file ({@code -c}, else {@code ./backman.yaml} when it exists, else
 * the defaults with {@code ./backups}), then {@code -r}, then the command's own flags. Nothing is written here, so
 * an invalid value fails before the repository is touched.
 */
public final class RunSettingsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(RunSettingsResolver.class);
    public static final String DEFAULT_CONFIG_FILE = "backman.yaml";
    private final GlobalOptions globals;
    private final WorkingDirectory workingDirectory;
    private final ConfigFileReader reader;

    @Inject
    public RunSettingsResolver(GlobalOptions globals, WorkingDirectory workingDirectory, ConfigFileReader reader) {
        this.globals = globals;
        this.workingDirectory = workingDirectory;
        this.reader = reader;
    }

    /** The settings with the command's {@code overrides} applied last. */
    public RunSettings resolve(UnaryOperator<BackupConfig> overrides) {
        ConfigFile file = loadConfig();
        BackupConfig config = file.config();
        if (globals.repository() != null) {
            RepositoryLocation given =
                    RepositoryLocation.parse(globals.repository(), workingDirectory.path(), "--repo");
            RepositoryLocations.check(given, "--repo");
            config = config.withBackupLocation(given.value());
        }
        config = overrides.apply(config);
        RepositoryLocation location =
                RepositoryLocation.parse(config.backupLocation(), workingDirectory.path(), "backup_location");
        List<RepositoryLocation> offsite = new ArrayList<>();
        for (RepositoryLocation copy : file.offsite()) {
            if (copy.equals(location)) {
                // e.g. `-r s3://…` naming the offsite copy, to recover from it after losing the repository
                LOG.warn("the offsite location {} is the repository itself here; it is left out", copy);
            } else {
                offsite.add(copy);
            }
        }
        return new RunSettings(config, location, file.s3(), offsite, globals.lockWait(), globals.quiet(),
                file.encryption(), file.schedule());
    }

    private ConfigFile loadConfig() {
        if (globals.configFile() != null) {
            Path file = workingDirectory.resolve(globals.configFile());
            LOG.debug("using configuration {}", file);
            return reader.readFile(file);
        }
        Path implicit = workingDirectory.path().resolve(DEFAULT_CONFIG_FILE);
        if (Files.isRegularFile(implicit)) {
            LOG.debug("using configuration {}", implicit);
            return reader.readFile(implicit);
        }
        LOG.debug("no configuration file: using the defaults");
        BackupConfig defaults = BackupConfig.defaults();
        RepositoryLocation location =
                RepositoryLocation.parse(defaults.backupLocation(), workingDirectory.path(), "backup_location");
        return ConfigFile.of(defaults.withBackupLocation(location.value()));
    }
}
