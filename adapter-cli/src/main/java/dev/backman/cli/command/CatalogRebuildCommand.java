package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.RebuildReport;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.RebuildJson;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * {@code backman catalog rebuild}: a new catalog made from the repository's manifests; the old file is kept aside as
 * {@code <name>.replaced-<time>}. Exit 1 when some manifests could not be read.
 */
@Command(name = "rebuild",
        description = {"Recreate the catalog from the repository's manifests (archives are not read).",
                "The old catalog file, even an unreadable one, is kept as <name>.replaced-<time>."})
final class CatalogRebuildCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Inject
    CatalogRebuildCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        RebuildReport report;
        try (BackupManager manager = opener.openForRebuild(settings.resolve(UnaryOperator.identity()))) {
            report = manager.rebuildCatalog();
        }
        if (output.json()) {
            output.printJson(RebuildJson.of(report));
        } else {
            print(report, output.out());
        }
        return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void print(RebuildReport report, PrintWriter out) {
        out.println("catalog rebuilt: " + report.backups() + " backups");
        if (!report.problems().isEmpty()) {
            out.println(report.problems().size() + " manifest(s) could not be read and were left out:");
            report.problems().forEach(problem -> out.println("  " + problem));
        }
        out.flush();
    }
}
