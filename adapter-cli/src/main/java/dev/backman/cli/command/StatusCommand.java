package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.LastVerification;
import dev.backman.cli.output.MetadataText;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.StatusJson;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.model.BackupMetadata;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code backman status ID}: one backup's metadata and last verification; an unknown id fails with exit 1. */
@Command(name = "status", description = "Show one backup's metadata and when and how it was last verified.")
final class StatusCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Parameters(index = "0", paramLabel = "ID", converter = BackupIdConverter.class, description = "The backup.")
    String id;

    @Inject
    StatusCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        BackupMetadata backup;
        LastVerification verification;
        try (BackupManager manager = opener.openExisting(settings.resolve(UnaryOperator.identity()))) {
            backup = manager.getBackupStatus(id).orElseThrow(() -> new BackupNotFound(id));
            verification = LastVerification.of(manager.verifications(id));
        }
        if (output.json()) {
            output.printJson(StatusJson.of(backup, verification));
        } else {
            MetadataText.status(backup, verification, output.out());
        }
        return ExitCodes.OK;
    }
}
