package dev.backman.cli;

import dev.backman.cli.command.DurationConverter;
import jakarta.inject.Singleton;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the command name. One instance per command line, shared by the
 * top-level command (as a picocli mixin) and the services that open the repository.
 */
@Singleton
public final class GlobalOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: ./backman.yaml if it exists). Relative paths in it are "
                    + "relative to the file's directory.")
    String configFile;

    @Option(names = {"-r", "--repo"}, paramLabel = "LOCATION", scope = ScopeType.INHERIT,
            description = "Repository: a directory or s3://bucket/prefix (overrides backup_location).")
    String repository;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print only JSON on standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print errors only: no warnings.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print debug logging, and stack traces with errors.")
    boolean verbose;

    @Option(names = "--lock-wait", paramLabel = "DURATION", converter = DurationConverter.class,
            scope = ScopeType.INHERIT,
            description = "How long to wait for another writer's lock: 30s, 5m, 1h or PT30S (default: 0, fail at once).")
    Duration lockWait = Duration.ZERO;

    /** The configuration file given with {@code -c}, or null. */
    public String configFile() {
        return configFile;
    }

    /** The repository location given with {@code -r}, or null. */
    public String repository() {
        return repository;
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }

    public Duration lockWait() {
        return lockWait;
    }

    /** Rejects combinations picocli cannot express on inherited options. */
    void validate(CommandLine commandLine) {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(commandLine, "-q/--quiet and -v/--verbose exclude each other");
        }
    }
}
