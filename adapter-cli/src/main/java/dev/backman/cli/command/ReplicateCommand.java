package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.ReplicaOutcome;
import dev.backman.application.ReplicationReport;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.ReplicateJson;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.model.ReplicaStatus;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * {@code backman replicate}: copies completed backups that an offsite location does not hold yet, verifying each
 * copy. Exit 1 when some copy is not verified (a location unreachable, a copy damaged); they stay pending.
 */
@Command(name = "replicate",
        description = {"Copy completed backups to the offsite locations that miss them, verifying each copy.",
                "Offsite locations are set with offsite: in the configuration; a backup also does this when it "
                        + "completes."})
final class ReplicateCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Inject
    ReplicateCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        RunSettings run = settings.resolve(UnaryOperator.identity());
        List<String> offsite = run.offsite().stream().map(RepositoryLocation::value).toList();
        if (offsite.isEmpty()) {
            output.message("no offsite locations are configured (offsite: [{location: …}] in backman.yaml); "
                    + "nothing to do");
        }
        ReplicationReport report;
        try (BackupManager manager = opener.openExisting(run)) {
            report = manager.replicate();
        }
        if (output.json()) {
            output.printJson(ReplicateJson.of(report, offsite));
        } else {
            print(report, offsite, output.out());
        }
        return report.complete() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void print(ReplicationReport report, List<String> offsite, PrintWriter out) {
        for (ReplicaOutcome outcome : report.outcomes()) {
            out.println(outcome.backupId() + " → " + outcome.location() + ": " + outcome.status().wireName()
                    + (outcome.problem() == null ? "" : " (" + outcome.problem() + ")"));
        }
        long verified = report.count(ReplicaStatus.VERIFIED);
        long waiting = report.outcomes().size() - verified;
        out.println(waiting == 0
                ? offsite.size() + " offsite location(s) up to date (" + verified + " cop"
                        + (verified == 1 ? "y" : "ies") + " made and verified now)"
                : waiting + " offsite cop" + (waiting == 1 ? "y is" : "ies are") + " not verified (see above); run "
                        + "`backman replicate` again once the location is back");
        out.flush();
    }
}
