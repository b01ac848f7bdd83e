package dev.backman.application;

import java.util.List;

/**
 * What a prune decided and did.
 *
 * @param dryRun    whether nothing was deleted
 * @param decisions one decision per backup, oldest first
 */
public record PruneReport(boolean dryRun, List<PruneDecision> decisions) {
    public PruneReport {
        decisions = List.copyOf(decisions);
    }

    public List<String> removed() {
        return decisions.stream().filter(d -> !d.keep()).map(PruneDecision::backupId).toList();
    }
}
