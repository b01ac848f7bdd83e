package dev.backman.cli.output;

import dev.backman.application.PruneDecision;
import dev.backman.application.PruneReport;
import java.io.PrintWriter;

/**
 * {@code backman prune} for people, like {@code restic forget}: one aligned row per backup, oldest first, saying
 * whether it stays and every rule that keeps it (or why it goes), then a totals line.
 */
public final class PruneTable {

    private PruneTable() {
    }

    public static void print(PruneReport report, PrintWriter out) {
        if (!report.decisions().isEmpty()) {
            TextTable table = new TextTable("ID", "TIME", "TYPE", "ACTION", "REASONS");
            for (PruneDecision d : report.decisions()) {
                table.add(d.backupId(), TimeText.local(d.backup().timestamp()), d.backup().backupType().wireName(),
                        d.keep() ? "keep" : "remove", d.reason());
            }
            table.print(out);
        }
        int kept = report.kept().size();
        int removed = report.removed().size();
        String freed = HumanBytes.format(report.bytesFreed());
        out.println(report.dryRun()
                ? "dry run: would keep " + kept + ", remove " + removed + " (" + freed + " of archives); "
                        + "nothing was removed"
                : "kept " + kept + ", removed " + removed + " (" + freed + " freed)");
        out.flush();
    }
}
