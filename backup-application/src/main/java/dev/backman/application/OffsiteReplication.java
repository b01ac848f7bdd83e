package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.ReplicaStatus;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings one offsite location up to date: every completed backup whose copy there is not verified yet is copied
 * (or checked) and verified, oldest first. The location gets the repository's {@code backman.repo.json} first, so
 * that it is a complete repository of its own (disaster recovery: use it with {@code -r}). When the location
 * cannot be reached, its replicas stay {@code pending} and the rest waits for the next run.
 */
final class OffsiteReplication {
    private final Ports ports;
    private final ArchiveStorage offsite;
    private final ReplicaStatuses statuses;

    OffsiteReplication(Ports ports, ArchiveStorage offsite) {
        this.ports = ports;
        this.offsite = offsite;
        this.statuses = new ReplicaStatuses(ports.catalog());
    }

    /** The completed backups whose copy at this location is not verified yet, oldest first. */
    List<BackupMetadata> due() {
        String location = offsite.location();
        return ports.catalog().list().stream()
                .filter(b -> b.status() == BackupStatus.COMPLETED)
                .filter(b -> ReplicaStatuses.of(b, location) != ReplicaStatus.VERIFIED)
                .toList();
    }

    /**
     * Copies {@code due} (see {@link #due()}); {@code meter} counts archive bytes sent and backups done, those that
     * wait for the next run included.
     */
    List<ReplicaOutcome> run(List<BackupMetadata> due, ProgressMeter meter) {
        String location = offsite.location();
        List<ReplicaOutcome> outcomes = new ArrayList<>();
        if (due.isEmpty()) {
            return outcomes;
        }
        for (BackupMetadata backup : due) {
            if (ReplicaStatuses.of(backup, location) == null) {
                statuses.record(backup.backupId(), location, ReplicaStatus.PENDING);
            }
        }
        long base = meter.bytes();
        try {
            prepare();
        } catch (StorageFailure | RepositoryFormatMismatch e) {
            countRest(due, 0, base, meter);
            return unreachable(due, 0, e);
        }
        long target = base;
        int done = 0;
        for (int i = 0; i < due.size(); i++) {
            BackupMetadata backup = due.get(i);
            String id = backup.backupId();
            target += backup.archiveSizeBytes();
            try {
                new ReplicaCopy(ports, offsite, meter).replicate(backup,
                        () -> statuses.record(id, location, ReplicaStatus.COPIED));
                statuses.record(id, location, ReplicaStatus.VERIFIED);
                outcomes.add(new ReplicaOutcome(id, location, ReplicaStatus.VERIFIED, null));
            } catch (IntegrityViolation e) {
                outcomes.add(failed(backup, e));
            } catch (StorageFailure e) {
                if (!location.equals(e.location())) {
                    outcomes.add(failed(backup, e)); // the repository's own copy could not be read
                    continue;
                }
                outcomes.addAll(unreachable(due, i, e));
                break;
            } finally {
                done++;
                meter.filesDone(1, Math.max(0, target - meter.bytes())); // a copy found in place is not sent
            }
        }
        countRest(due, done, base, meter);
        return outcomes;
    }

    /** Counts the backups from {@code done} on, which wait for the next run, as done for this run. */
    private static void countRest(List<BackupMetadata> due, int done, long base, ProgressMeter meter) {
        if (done < due.size()) {
            long all = base + due.stream().mapToLong(BackupMetadata::archiveSizeBytes).sum();
            meter.filesDone(due.size() - done, Math.max(0, all - meter.bytes()));
        }
    }

    /** Gives the location this repository's descriptor, refusing one that holds another repository. */
    private void prepare() {
        byte[] descriptor = primaryDescriptor();
        var existing = offsite.read(RepositoryLayout.DESCRIPTOR);
        if (existing.isEmpty()) {
            offsite.put(RepositoryLayout.DESCRIPTOR, descriptor);
        } else {
            String ours = decode(descriptor, ports.storage().location()).repositoryId();
            RepositoryDescriptor replica = decode(existing.get(), offsite.location());
            if (!RepositoryDescriptor.readable(replica.formatVersion())) { // a newer backman works there
                throw RepositoryFormatMismatch.unreadableFormat(offsite.location(), replica.formatVersion());
            }
            String theirs = replica.repositoryId();
            if (!ours.equals(theirs)) {
                throw new RepositoryFormatMismatch(offsite.location(), "holds another repository (id " + theirs
                        + "), not a replica of this one (id " + ours + "); give each repository its own offsite "
                        + "location");
            }
        }
        offsite.removeLeftovers(); // we hold the repository's lock, and so the replica's
    }

    private byte[] primaryDescriptor() {
        return ports.storage().read(RepositoryLayout.DESCRIPTOR).orElseThrow(() -> new StorageFailure(
                ports.storage().location(), "no " + RepositoryLayout.DESCRIPTOR + " to copy offsite", false, null));
    }

    private RepositoryDescriptor decode(byte[] bytes, String where) {
        try {
            return ports.documents().decodeDescriptor(bytes);
        } catch (IOException e) {
            throw new RepositoryFormatMismatch(where, RepositoryLayout.DESCRIPTOR + " is not a backman repository "
                    + "descriptor: " + e.getMessage());
        }
    }

    private ReplicaOutcome failed(BackupMetadata backup, BackupException e) {
        statuses.record(backup.backupId(), offsite.location(), ReplicaStatus.FAILED);
        ports.listener().onWarning("offsite copy of " + backup.backupId() + " at " + offsite.location()
                + " failed: " + e.getMessage());
        return new ReplicaOutcome(backup.backupId(), offsite.location(), ReplicaStatus.FAILED, e.getMessage());
    }

    /** The location failed: the backups from {@code from} on keep their state and wait for the next run. */
    private List<ReplicaOutcome> unreachable(List<BackupMetadata> due, int from, BackupException e) {
        List<BackupMetadata> waiting = due.subList(from, due.size());
        ports.listener().onWarning("offsite " + offsite.location() + " could not be updated: " + e.getMessage()
                + "; " + waiting.size() + " backup(s) wait there (run `backman replicate` to catch up)");
        List<ReplicaOutcome> outcomes = new ArrayList<>();
        for (BackupMetadata backup : waiting) {
            ReplicaStatus status = ports.catalog().find(backup.backupId())
                    .map(b -> ReplicaStatuses.of(b, offsite.location())).orElse(ReplicaStatus.PENDING);
            outcomes.add(new ReplicaOutcome(backup.backupId(), offsite.location(), status, e.getMessage()));
        }
        return outcomes;
    }
}
