package dev.backman.cli.command;

import dev.backman.cli.ExitCodes;
import dev.backman.cli.WorkingDirectory;
import dev.backman.cli.config.EncryptionOptions;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backman key change-passphrase}: the current passphrase (from the configuration or a prompt) unlocks the
 * data key, which is wrapped again under the new one; archives and manifests are not rewritten.
 */
@Command(name = "change-passphrase",
        description = {"Wrap the repository's data key under a new passphrase; no archive is rewritten.",
                "The new passphrase comes from --new-passphrase-env, --new-passphrase-file, or a prompt."})
final class ChangePassphraseCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;
    private final WorkingDirectory workingDirectory;

    @Option(names = "--new-passphrase-env", paramLabel = "NAME",
            description = "Environment variable holding the new passphrase.")
    String newEnv;

    @Option(names = "--new-passphrase-file", paramLabel = "PATH",
            description = "File holding the new passphrase (a final line break is ignored).")
    String newFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    ChangePassphraseCommand(RunSettingsResolver settings, ManagerOpener opener, Output output,
                            WorkingDirectory workingDirectory) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() {
        if (newEnv != null && newFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --new-passphrase-env or --new-passphrase-file, not both");
        }
        EncryptionOptions source = new EncryptionOptions(newEnv,
                newFile == null ? null : workingDirectory.resolve(newFile), true);
        List<String> updated = opener.changePassphrase(settings.resolve(UnaryOperator.identity()), source);
        if (output.json()) {
            output.printJson(java.util.Map.of("updated", updated));
        } else {
            updated.forEach(location -> output.out().println("passphrase changed at " + location));
        }
        output.out().flush();
        return ExitCodes.OK;
    }
}
