package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.RestoreRequest;
import dev.backman.application.RestoreResult;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.WorkingDirectory;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.HumanBytes;
import dev.backman.cli.output.Output;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backman restore ID}: puts a backup's files back, refusing to overwrite differing files unless asked. */
@Command(name = "restore",
        description = {"Restore a backup: each root to its original path, or to DIR/<root>/ with --target.",
                "Existing files with other content are never replaced without --overwrite."})
final class RestoreCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;
    private final WorkingDirectory workingDirectory;

    @Parameters(index = "0", paramLabel = "ID", converter = BackupIdConverter.class,
            description = "The backup to restore.")
    String id;

    @Option(names = "--target", paramLabel = "DIR", description = "Restore into DIR/<root>/ instead.")
    String target;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Restore only entries matching this glob, e.g. 'src/main/**' (repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace existing files whose content differs.")
    boolean overwrite;

    @Option(names = "--dry-run", description = "List what would be restored; write nothing.")
    boolean dryRun;

    @Option(names = "--partial", description = {"On a damaged backup, restore every intact file and list the "
            + "others (exit 3). Without it a damaged backup writes nothing."})
    boolean partial;

    @Inject
    RestoreCommand(RunSettingsResolver settings, ManagerOpener opener, Output output,
                   WorkingDirectory workingDirectory) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() {
        RunSettings run = settings.resolve(UnaryOperator.identity());
        Path targetDir = target == null ? null : workingDirectory.resolve(target);
        RestoreResult result;
        try (BackupManager manager = opener.openExisting(run)) {
            result = manager.restore(new RestoreRequest(id, targetDir, includes, overwrite, dryRun, partial));
        }
        if (output.json()) {
            output.printJson(result);
        } else {
            print(result, targetDir, output.out());
        }
        result.failures().forEach(f -> output.message("not restored: " + f.path() + " (" + f.reason() + ")"));
        return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.INTEGRITY;
    }

    private static void print(RestoreResult result, Path targetDir, PrintWriter out) {
        String where = targetDir == null ? "to the original locations" : "into " + targetDir;
        if (result.dryRun()) {
            out.println("dry run: would restore " + result.plannedPaths().size() + " entries of " + result.backupId()
                    + " " + where + ":");
            result.plannedPaths().forEach(path -> out.println("  " + path));
        } else {
            out.println("restored " + result.backupId() + " " + where + ": " + result.filesWritten() + " files ("
                    + HumanBytes.format(result.bytesWritten()) + ") written, " + result.unchanged()
                    + " already up to date, " + result.directories() + " directories, " + result.symlinks()
                    + " symlinks");
        }
        out.flush();
    }
}
