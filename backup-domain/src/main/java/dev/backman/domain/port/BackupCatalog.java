package dev.backman.domain.port;

import dev.backman.domain.model.BackupMetadata;
import java.util.List;
import java.util.Optional;

/**
 * The index of a repository's backups, kept for speed. It can always be rebuilt from the repository's manifests.
 * Failures are reported as {@link dev.backman.domain.error.CatalogFailure}.
 */
public interface BackupCatalog extends AutoCloseable {

    /** Inserts the backup, or replaces the row with the same id. */
    void save(BackupMetadata backup);

    Optional<BackupMetadata> find(String backupId);

    /** All backups, oldest first (by timestamp, then id). */
    List<BackupMetadata> list();

    /** Removes the row; does nothing when it is absent. */
    void delete(String backupId);

    @Override
    void close();
}
