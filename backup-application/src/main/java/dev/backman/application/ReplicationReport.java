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
    public ReplicationReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Whether every replica worked on is verified now. */
    public boolean complete() {
        return outcomes.stream().allMatch(o -> o.status() == ReplicaStatus.VERIFIED);
    }

    public long count(ReplicaStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
