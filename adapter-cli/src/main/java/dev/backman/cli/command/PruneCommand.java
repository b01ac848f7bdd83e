package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.PruneDecision;
import dev.backman.application.PruneReport;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.PruneJson;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backman prune}: applies retention now, one keep/remove line per backup. */
@Command(name = "prune",
        description = "Apply retention now. Backups that a kept backup still needs are kept.")
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
            print(report, output.out());
        }
        return ExitCodes.OK;
    }


    private static void print(PruneReport report, PrintWriter out) {
        for (PruneDecision decision : report.decisions()) {
            out.println((decision.keep() ? "keep   " : "remove ") + decision.backupId() + " — " + decision.reason());
        }
        int removed = report.removed().size();
        out.println(report.dryRun()
                ? "dry run: " + removed + " backup(s) would be removed; nothing was deleted"
                : removed + " backup(s) removed");
        out.flush();
    }
}
