package dev.backman.application;

import dev.backman.domain.error.ObjectLocked;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import java.util.Optional;

/**
 * Removes an expired backup everywhere: from each offsite location first (manifest, then archive), then from the
 * repository (manifest, archive, catalog row). The catalog row goes last, so a removal that is stopped half-way
 * (an object under S3 object lock, an offsite location that cannot be reached) leaves the backup in the catalog,
 * and the next prune, which decides the same, finishes the job; deleting what is already gone does nothing.
 */
final class BackupRemoval {
    private final Ports ports;
    private final Repository repository;

    BackupRemoval(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    /** Removes the backup; returns why it had to be kept instead, or empty when it is gone. */
    Optional<String> remove(BackupMetadata backup) {
        try {
            for (ArchiveStorage offsite : ports.offsite()) {
                offsite.delete(RepositoryLayout.manifestKey(backup.backupId()));
                offsite.delete(RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType()));
            }
            repository.delete(backup);
            return Optional.empty();
        } catch (ObjectLocked e) {
            return Optional.of("kept: " + e.key() + " at " + e.location() + " is locked "
                    + (e.until() == null ? "(object lock)" : "until " + e.until())
                    + "; a later prune removes it");
        } catch (StorageFailure e) {
            return Optional.of("kept: cannot remove it yet (" + e.getMessage() + "); a later prune removes it");
        }
    }
}
