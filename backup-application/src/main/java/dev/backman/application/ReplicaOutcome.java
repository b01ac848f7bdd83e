package dev.backman.application;

import dev.backman.domain.model.ReplicaStatus;

/**
 * What replication did for one backup at one offsite location.
 *
 * @param backupId the backup
 * @param location the offsite location
 * @param status   where the replica stands now
 * @param problem  why it is not verified (unreachable, damaged copy …); null when verified
 */
public record ReplicaOutcome(String backupId, String location, ReplicaStatus status, String problem) {
}
