package dev.backman.cli.output;

import dev.backman.application.PruneDecision;
import dev.backman.application.PruneReport;
import java.util.List;

/**
 * {@code prune --json}: {@code {"dry_run":…,"decisions":[{"backup_id","keep","reason"}],"removed":[…]}}.
 *
 * @param dryRun    whether nothing was deleted
 * @param decisions one per backup, oldest first
 * @param removed   ids of the backups removed (or that would be, in a dry run)
 */
public record PruneJson(boolean dryRun, List<PruneDecision> decisions, List<String> removed) {

    public static PruneJson of(PruneReport report) {
        return new PruneJson(report.dryRun(), report.decisions(), report.removed());
    }
}
