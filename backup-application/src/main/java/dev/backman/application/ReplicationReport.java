package dev.backman.application;

import dev.backman.domain.model.ReplicaStatus;
import java.util.List;

/**
 * What {@code replicate} (or the replication after a backup) did: one outcome per backup that was not verified yet
 * at an offsite location, in configuration order, oldest backup first.
 *
 * @param outcomes the replicas worked on; replicas verified before are not listed
 */
public record ReplicationReport(List<ReplicaOutcome> outcomes) {
    /**
     * Checks the components.
     *
     * @param outcomes the replicas worked on; replicas verified before are not listed
     */
    public ReplicationReport {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * Whether every replica worked on is verified now.
     *
     * @return true when no replica is pending, copied or failed
     */
    public boolean complete() {
        return outcomes.stream().allMatch(o -> o.status() == ReplicaStatus.VERIFIED);
    }

    /**
     * How many replicas worked on ended in {@code status}.
     *
     * @param status a replica state
     * @return the count
     */
    public long count(ReplicaStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
