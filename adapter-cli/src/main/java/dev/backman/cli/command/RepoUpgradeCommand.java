package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.UpgradeReport;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.UpgradeJson;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * {@code backman repo upgrade}: migrates the repository to the current format, under the repository lock. Safe to
 * interrupt and to run again; exit 1 when some manifests could not be read (they are listed and left as they are).
 */
@Command(name = "upgrade",
        description = {"Migrate the repository to the newest format this backman writes.",
                "Every manifest is rewritten atomically, backman.repo.json last: an interrupted upgrade leaves "
                        + "the old format, fully readable; run it again to finish."})
final class RepoUpgradeCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Inject
    RepoUpgradeCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        RunSettings run = settings.resolve(UnaryOperator.identity());
        UpgradeReport report;
        try (BackupManager manager = opener.openExisting(run)) {
            report = manager.upgradeRepository();
        }
        if (output.json()) {
            output.printJson(UpgradeJson.of(report));
        } else {
            print(report, run.location().value(), output.out());
        }
        return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void print(UpgradeReport report, String location, PrintWriter out) {
        if (report.alreadyCurrent()) {
            out.println("repository " + location + " is at format " + report.toVersion()
                    + " already; nothing to upgrade");
        } else {
            out.println("repository " + location + " upgraded from format " + report.fromVersion() + " to "
                    + report.toVersion() + ": " + report.manifestsRewritten() + " manifest(s) rewritten");
        }
        if (!report.problems().isEmpty()) {
            out.println(report.problems().size() + " manifest(s) could not be read and were left as they are:");
            report.problems().forEach(problem -> out.println("  " + problem));
        }
        out.flush();
    }
}
