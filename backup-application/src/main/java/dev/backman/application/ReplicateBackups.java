package dev.backman.application;

import dev.backman.domain.port.ArchiveStorage;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: copy completed backups that an offsite location does not hold verified yet (3-2-1). Runs after every
 * backup and as {@code backman replicate}; the caller holds the repository lock. A location that cannot be
 * reached never fails the run: its replicas stay pending and a warning says so.
 */
final class ReplicateBackups {
    private final Ports ports;

    ReplicateBackups(Ports ports) {
        this.ports = ports;
    }

    ReplicationReport run() {
        List<ReplicaOutcome> outcomes = new ArrayList<>();
        for (ArchiveStorage offsite : ports.offsite()) {
            outcomes.addAll(new OffsiteReplication(ports, offsite).run());
        }
        return new ReplicationReport(outcomes);
    }
}
