package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import java.util.function.BiConsumer;

/**
 * Runs a read of a backup's archives against the repository and, when the repository's copy is missing, damaged
 * or unreadable, again against each offsite replica that holds the backup, saying so through the listener. The
 * read must have written nothing that stays when it fails (a restore keeps its files in temporary names until
 * every content is verified), so that the next attempt starts clean.
 */
final class ReplicaFallback {
    private final Ports ports;
    private final Repository repository;

    ReplicaFallback(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    /** Runs {@code read} with the repository's ports, then with each replica's, until one succeeds. */
    void run(String backupId, BiConsumer<Ports, Repository> read) {
        try {
            read.accept(ports, repository);
        } catch (IntegrityViolation | StorageFailure primary) {
            if (primary instanceof StorageFailure s && !s.location().equals(ports.storage().location())) {
                throw primary; // the restore target failed, not the repository
            }
            for (ArchiveStorage offsite : ports.offsite()) {
                if (tryReplica(backupId, offsite, primary, read)) {
                    return;
                }
            }
            throw primary;
        }
    }

    private boolean tryReplica(String backupId, ArchiveStorage offsite, BackupException primary,
                               BiConsumer<Ports, Repository> read) {
        Ports replicaPorts = ports.withStorage(offsite);
        try {
            if (offsite.find(RepositoryLayout.manifestKey(backupId)).isEmpty()) {
                return false;
            }
            ports.listener().onWarning("the repository's copy of backup " + backupId + " cannot be used ("
                    + primary.getMessage() + "); reading it from the offsite replica at " + offsite.location());
            read.accept(replicaPorts, new Repository(replicaPorts));
            return true;
        } catch (IntegrityViolation | StorageFailure e) {
            primary.addSuppressed(e);
            ports.listener().onWarning("the offsite replica at " + offsite.location() + " cannot be used either: "
                    + e.getMessage());
            return false;
        }
    }
}
