package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.BackupTable;
import dev.backman.cli.output.Output;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.model.BackupMetadata;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code backman list}: every backup, oldest first (a table, or a JSON array). */
@Command(name = "list", description = "List the backups, oldest first.")
final class ListCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Inject
    ListCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        List<BackupMetadata> backups;
        try (BackupManager manager = opener.openExisting(settings.resolve(UnaryOperator.identity()))) {
            backups = manager.listBackups();
        }
        if (output.json()) {
            output.printJson(backups);
        } else if (backups.isEmpty()) {
            output.out().println("no backups yet");
        } else {
            BackupTable.print(backups, output.out());
        }
        return ExitCodes.OK;
    }
}
