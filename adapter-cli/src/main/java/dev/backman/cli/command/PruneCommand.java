package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.PruneReport;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.PruneJson;
import dev.backman.cli.output.PruneTable;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backman prune}: applies retention now and lists why each backup stays or goes. */
@Command(name = "prune",
        description = "Apply retention (retention_days and the keep_* rules) now, listing why each backup stays "
                + "or goes. Backups that a kept backup still needs are kept.")
final class PruneCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Option(names = "--dry-run", description = "Show what would be removed; remove nothing.")
    boolean dryRun;

    @Inject
    PruneCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        PruneReport report;
        try (BackupManager manager = opener.openExisting(settings.resolve(UnaryOperator.identity()))) {
            report = manager.prune(dryRun);
        }
        if (output.json()) {
            output.printJson(PruneJson.of(report));
        } else {
            PruneTable.print(report, output.out());
        }
        return ExitCodes.OK;
    }
}
