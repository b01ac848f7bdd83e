package dev.backman.application;

import java.util.List;

/**
 * What a prune decided and did.
 *
 * @param dryRun    whether nothing was deleted
 * @param decisions one decision per backup, oldest first
 */
public record PruneReport(boolean dryRun, List<PruneDecision> decisions) {
    /**
     * Copies the decisions.
     *
     * @param dryRun    whether nothing was deleted
     * @param decisions one decision per backup, oldest first
     */
    public PruneReport {
        decisions = List.copyOf(decisions);
    }

    /**
     * The backups that go.
     *
     * @return ids of the backups removed (in a dry run: that would be), oldest first
     */
    public List<String> removed() {
        return decisions.stream().filter(d -> !d.keep()).map(PruneDecision::backupId).toList();
    }

    /**
     * The backups that stay.
     *
     * @return their ids, oldest first
     */
    public List<String> kept() {
        return decisions.stream().filter(PruneDecision::keep).map(PruneDecision::backupId).toList();
    }

    /**
     * What the removal frees.
     *
     * @return archive bytes of the removed backups (in a dry run: that would be freed)
     */
    public long bytesFreed() {
        return decisions.stream().filter(d -> !d.keep()).mapToLong(d -> d.backup().archiveSizeBytes()).sum();
    }
}
