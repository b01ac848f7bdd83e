package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupVerification;
import dev.backman.application.VerifyReport;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.VerifyJson;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code backman verify [ID...]}: reads archives back against their manifests; exit 3 when damage is found. */
@Command(name = "verify",
        description = "Check backups against their SHA-256 checksums (default: every backup). Damaged backups "
                + "are marked corrupted.")
final class VerifyCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Parameters(paramLabel = "ID", arity = "0..*", converter = BackupIdConverter.class,
            description = "Backups to verify.")
    List<String> ids = new ArrayList<>();

    @Inject
    VerifyCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        VerifyReport report;
        try (BackupManager manager = opener.openExisting(settings.resolve(UnaryOperator.identity()))) {
            report = manager.verify(ids);
        }
        if (output.json()) {
            output.printJson(VerifyJson.of(report));
        } else {
            print(report, output.out());
        }
        return report.allIntact() ? ExitCodes.OK : ExitCodes.INTEGRITY;
    }


    private static void print(VerifyReport report, PrintWriter out) {
        if (report.backups().isEmpty()) {
            out.println("no backups to verify");
        }
        for (BackupVerification v : report.backups()) {
            if (v.intact()) {
                out.println("ok       " + v.backupId() + " (" + v.filesChecked() + " files checked)");
            } else {
                out.println("DAMAGED  " + v.backupId() + " (" + v.status().wireName() + ", " + v.problems().size()
                        + " problem(s))");
                v.problems().forEach(problem -> out.println("         " + problem));
            }
        }
        long damaged = report.backups().stream().filter(v -> !v.intact()).count();
        if (damaged > 0) {
            out.println(damaged + " of " + report.backups().size() + " backup(s) damaged");
        }
        out.flush();
    }
}
