package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupVerification;
import dev.backman.application.VerifyReport;
import dev.backman.application.VerifyRequest;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.VerifyJson;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.model.VerifyMode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backman verify [ID...] [--quick | --sample PERCENT]}: checks backups against their manifests and records
 * the outcome; exit 3 when damage is found.
 */
@Command(name = "verify",
        description = {"Check backups against their manifests (default: every backup) and record when and how. "
                + "Damaged backups are marked corrupted (exit 3).",
                "Full (default): read every archive and compare each file's size and SHA-256.",
                "--quick: only check that manifest and archive are there and the archive has its recorded size.",
                "--sample PERCENT: fully check that share of the backups (at least one), those checked longest "
                        + "ago first, so that repeated runs cover them all."})
final class VerifyCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Parameters(paramLabel = "ID", arity = "0..*", converter = BackupIdConverter.class,
            description = "Backups to verify.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--quick", description = "Check presence and size only; read no archive.")
    boolean quick;

    @Option(names = "--sample", paramLabel = "PERCENT",
            description = "Read this percentage of the backups (e.g. 10 or 10%%), those verified longest ago first.")
    String sample;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    VerifyCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        VerifyRequest request = request();
        VerifyReport report;
        try (BackupManager manager = opener.openExisting(settings.resolve(UnaryOperator.identity()))) {
            report = manager.verify(request);
        }
        if (output.json()) {
            output.printJson(VerifyJson.of(report));
        } else {
            print(report, output.out());
        }
        return report.allIntact() ? ExitCodes.OK : ExitCodes.INTEGRITY;
    }

    private VerifyRequest request() {
        if (quick && sample != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quick and --sample exclude each other");
        }
        if (quick) {
            return VerifyRequest.quick(ids);
        }
        return sample == null ? VerifyRequest.full(ids) : VerifyRequest.sample(ids, percent(sample));
    }

    private double percent(String text) {
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        try {
            return Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sample needs a percentage such as 10 or 2.5%, not '" + text + "'");
        }
    }

    private static void print(VerifyReport report, PrintWriter out) {
        if (report.mode() == VerifyMode.SAMPLE) {
            out.println("sample: " + report.backups().size() + " of " + report.candidates()
                    + " backup(s), those verified longest ago first");
        }
        if (report.backups().isEmpty()) {
            out.println("no backups to verify");
        }
        for (BackupVerification v : report.backups()) {
            if (v.intact()) {
                out.println("ok       " + v.backupId() + (v.mode() == VerifyMode.QUICK
                        ? " (manifest and archive present, size as recorded)"
                        : " (" + v.filesChecked() + " files checked)"));
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
        if (report.mode() == VerifyMode.QUICK && !report.backups().isEmpty()) {
            out.println("quick check: archive contents were not read (verify without --quick reads them)");
        }
        out.flush();
    }
}
