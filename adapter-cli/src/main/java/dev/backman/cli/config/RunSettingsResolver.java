package dev.backman.cli.config;

import dev.backman.cli.GlobalOptions;
import dev.backman.cli.WorkingDirectory;
import dev.backman.domain.model.BackupConfig;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
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
        BackupConfig config = loadConfig();
        if (globals.repository() != null) {
            config = config.withBackupLocation(
                    RepositoryLocation.parse(globals.repository(), workingDirectory.path(), "--repo").value());
        }
        config = overrides.apply(config);
        RepositoryLocation location =
                RepositoryLocation.parse(config.backupLocation(), workingDirectory.path(), "backup_location");
        return new RunSettings(config, location, globals.lockWait(), globals.quiet());
    }

    private BackupConfig loadConfig() {
        if (globals.configFile() != null) {
            Path file = workingDirectory.resolve(globals.configFile());
            LOG.debug("using configuration {}", file);
            return reader.read(file);
        }
        Path implicit = workingDirectory.path().resolve(DEFAULT_CONFIG_FILE);
        if (Files.isRegularFile(implicit)) {
            LOG.debug("using configuration {}", implicit);
            return reader.read(implicit);
        }
        LOG.debug("no configuration file: using the defaults");
        BackupConfig defaults = BackupConfig.defaults();
        return defaults.withBackupLocation(
                RepositoryLocation.parse(defaults.backupLocation(), workingDirectory.path(), "backup_location").value());
    }
}
