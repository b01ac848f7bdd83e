package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.Progress;
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
        List<OffsiteReplication> locations = new ArrayList<>();
        List<List<BackupMetadata>> due = new ArrayList<>();
        for (ArchiveStorage offsite : ports.offsite()) {
            OffsiteReplication location = new OffsiteReplication(ports, offsite);
            locations.add(location);
            due.add(location.due());
        }
        List<BackupMetadata> all = due.stream().flatMap(List::stream).toList();
        ProgressMeter meter = ProgressMeter.start(ports.listener(), Progress.Phase.REPLICATING, all.size(),
                all.stream().mapToLong(BackupMetadata::archiveSizeBytes).sum());
        List<ReplicaOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            outcomes.addAll(locations.get(i).run(due.get(i), meter));
        }
        meter.finish();
        return new ReplicationReport(outcomes);
    }
}
