package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.ExportResult;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.WorkingDirectory;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.ExportJson;
import dev.backman.cli.output.HumanBytes;
import dev.backman.cli.output.Output;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.model.CompressionType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backman export ID -o FILE}: one standalone archive holding backup ID's whole tree, in the format FILE's
 * extension names. FILE appears, or is replaced, only once the export has succeeded.
 */
@Command(name = "export",
        description = {"Write backup ID as one standalone archive that tar or unzip restore without backman.",
                "The format follows FILE's extension: .zip, .tar, .tar.gz, .tar.bz2, .tar.zst or .tar.xz.",
                "FILE is written only when every file's SHA-256 checked out; an existing FILE is replaced then."})
final class ExportCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;
    private final WorkingDirectory workingDirectory;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", converter = BackupIdConverter.class, description = "The backup.")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The archive to write; its extension picks the format.")
    String file;

    @Inject
    ExportCommand(RunSettingsResolver settings, ManagerOpener opener, Output output,
                  WorkingDirectory workingDirectory) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() {
        Path target = workingDirectory.resolve(file);
        CompressionType format = formatOf(target);
        ExportResult result;
        try (BackupManager manager = opener.openExisting(settings.resolve(UnaryOperator.identity()));
             StagedFile staged = StagedFile.create(target)) {
            result = manager.exportBackup(id, staged.stream(), format);
            staged.commit();
        }
        if (output.json()) {
            output.printJson(ExportJson.of(result, target));
        } else {
            output.out().println("exported " + result.backupId() + " to " + target + " (" + format + "): "
                    + result.files() + " files, " + HumanBytes.format(result.bytes()));
            output.out().flush();
        }
        return ExitCodes.OK;
    }

    /** The format FILE's name asks for; anything else is a usage error, reported before the repository is opened. */
    private CompressionType formatOf(Path target) {
        if (target.getFileName() == null || Files.isDirectory(target)) {
            throw usage("'" + file + "' is a directory; -o needs a file name such as backup.tar.gz");
        }
        CompressionType format = CompressionType.ofFileName(target.getFileName().toString())
                .orElseThrow(() -> usage("cannot tell the archive format of '" + file + "': FILE must end with "
                        + Arrays.stream(CompressionType.values()).map(t -> "." + t.extension())
                        .collect(Collectors.joining(", "))));
        if (!Files.isDirectory(target.getParent())) {
            throw usage("directory " + target.getParent() + " does not exist");
        }
        return format;
    }

    private CommandLine.ParameterException usage(String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), problem);
    }
}
