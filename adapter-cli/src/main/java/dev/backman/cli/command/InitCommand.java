package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.InitJson;
import dev.backman.cli.output.Output;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.model.RepositoryDescriptor;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backman init}: creates the repository (a backup also does this on first use). */
@Command(name = "init",
        description = {"Create the repository at backup_location (backup does this on first use).",
                "With --encrypt (or an encryption: block in the configuration) archives and manifests are "
                        + "encrypted with AES-256 under a key that a passphrase unlocks."})
final class InitCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Option(names = "--encrypt", description = "Encrypt the new repository; the passphrase comes from the "
            + "configuration's encryption: block, or a prompt.")
    boolean encrypt;

    @Inject
    InitCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        RunSettings resolved = settings.resolve(UnaryOperator.identity());
        RunSettings run = encrypt ? resolved.withEncryptionRequested() : resolved;
        RepositoryDescriptor descriptor;
        try (BackupManager manager = opener.open(run)) {
            descriptor = manager.initRepository();
        }
        if (output.json()) {
            output.printJson(InitJson.of(run.location().value(), descriptor));
        } else {
            output.out().println("repository " + descriptor.repositoryId() + " ready at " + run.location());
        }
        return ExitCodes.OK;
    }
}
