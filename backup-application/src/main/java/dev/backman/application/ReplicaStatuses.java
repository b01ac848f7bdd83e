package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.ReplicaStatus;
import dev.backman.domain.port.BackupCatalog;
import java.util.ArrayList;
import java.util.List;

/** Reads and records the state of each backup's offsite copies in the catalog ({@code replicas}). */
final class ReplicaStatuses {
    private final BackupCatalog catalog;

    ReplicaStatuses(BackupCatalog catalog) {
        this.catalog = catalog;
    }

    /** The state of {@code backup}'s copy at {@code location}, or null when none was ever recorded. */
    static ReplicaStatus of(BackupMetadata backup, String location) {
        return backup.replicas().stream().filter(r -> r.location().equals(location)).map(Replica::status)
                .findFirst().orElse(null);
    }

    /** Records the state of the backup's copy at {@code location}, keeping its other replicas as they are. */
    void record(String backupId, String location, ReplicaStatus status) {
        catalog.find(backupId).ifPresent(backup -> {
            List<Replica> replicas = new ArrayList<>();
            boolean found = false;
            for (Replica replica : backup.replicas()) {
                if (replica.location().equals(location)) {
                    replicas.add(new Replica(location, status));
                    found = true;
                } else {
                    replicas.add(replica);
                }
            }
            if (!found) {
                replicas.add(new Replica(location, status));
            }
            catalog.save(backup.withReplicas(replicas));
        });
    }
}
