package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupRequest;
import dev.backman.application.BackupResult;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.GlobalOptions;
import dev.backman.cli.WorkingDirectory;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.BackupResultJson;
import dev.backman.cli.output.HumanBytes;
import dev.backman.cli.output.MetadataText;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.SkipReasons;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.SkippedFile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backman backup}: one full or incremental backup; exit 4 when some files could not be read. */
@Command(name = "backup",
        description = "Back up the source paths: full the first time and when due, incremental otherwise.")
final class BackupCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;
    private final WorkingDirectory workingDirectory;
    private final GlobalOptions globals;

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "Paths to back up (default: source_paths of the configuration).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", converter = BackupIdConverter.class,
            description = "The backup's id (default: backup_YYYYMMDD_HHMMSS, UTC).")
    String id;

    @Option(names = "--full", description = "Start a new chain with a full backup.")
    boolean full;

    @Option(names = "--format", paramLabel = "F", converter = CompressionTypeConverter.class,
            description = "Archive format: zip, tar, tar.gz, tar.bz2, tar.zst or tar.xz (overrides compression_type).")
    CompressionType format;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Also exclude this pattern (repeatable; adds to exclude_patterns).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--include-hidden", description = "Back up names starting with '.' too.")
    boolean includeHidden;

    @Option(names = "--max-file-size-mb", paramLabel = "N",
            description = "Skip files larger than N MiB; 0 = no limit (overrides max_file_size_mb).")
    Long maxFileSizeMb;

    @Option(names = "--rehash", description = "Read every file, even those whose size and mtime are unchanged.")
    boolean rehash;

    @Option(names = "--dry-run", description = "Scan and report what would be backed up; write nothing.")
    boolean dryRun;

    @Inject
    BackupCommand(RunSettingsResolver settings, ManagerOpener opener, Output output,
                  WorkingDirectory workingDirectory, GlobalOptions globals) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
        this.workingDirectory = workingDirectory;
        this.globals = globals;
    }

    @Override
    public Integer call() {
        RunSettings run = settings.resolve(this::override);
        List<Path> paths = sources.stream().map(workingDirectory::resolve).toList();
        BackupResult result;
        try (BackupManager manager = dryRun ? opener.openForDryRun(run) : opener.open(run)) {
            result = manager.backup(new BackupRequest(id, paths, full, rehash, dryRun));
        }
        BackupMetadata backup = result.metadata();
        if (output.json()) {
            output.printJson(dryRun ? backup : BackupResultJson.of(result));
        } else if (dryRun) {
            output.out().println("dry run: would back up " + backup.totalFiles() + " files ("
                    + HumanBytes.format(backup.totalSizeBytes()) + "); nothing was written");
        } else if (!globals.quiet()) {
            MetadataText.summary(result, output.out());
        }
        return dryRun ? ExitCodes.OK : reportUnreadable(backup);
    }

    private BackupConfig override(BackupConfig config) {
        BackupConfig result = config;
        if (format != null) {
            result = result.withCompressionType(format);
        }
        if (!excludes.isEmpty()) {
            result = result.withExcludePatterns(Stream.concat(result.excludePatterns().stream(), excludes.stream())
                    .distinct().toList());
        }
        if (includeHidden) {
            result = result.withIncludeHidden(true);
        }
        if (maxFileSizeMb != null) {
            result = result.withMaxFileSizeMb(maxFileSizeMb);
        }
        return result;
    }

    private int reportUnreadable(BackupMetadata backup) {
        List<SkippedFile> unreadable = SkipReasons.unreadable(backup.skippedFiles());
        if (unreadable.isEmpty()) {
            return ExitCodes.OK;
        }
        output.message("backup " + backup.backupId() + " completed, but " + unreadable.size()
                + " file(s) could not be read:");
        for (SkippedFile file : unreadable) {
            output.message("  " + file.path() + ": " + file.reason());
        }
        return ExitCodes.UNREADABLE_FILES;
    }
}
