package dev.backman.domain.port;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Verification;
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

    /** Removes the backup and its file list; does nothing when it is absent. */
    void delete(String backupId);

    /**
     * Records the tree of a backup (replacing any list saved before), used for change detection and to find
     * contents the chain already holds. The backup's row must exist.
     */
    void saveFiles(String backupId, List<FileEntry> files);

    /** The tree of a backup as saved with {@link #saveFiles}, sorted by path; empty if none was saved. */
    List<FileEntry> files(String backupId);

    /** The regular files of a backup whose contents its own archive holds ({@code storedIn == backupId}). */
    List<FileEntry> filesStoredIn(String backupId);

    /**
     * Records a verification, replacing the backup's previous one of the same mode. The backup's row must exist;
     * saving the backup again keeps its verifications, deleting it deletes them.
     */
    void saveVerification(Verification verification);

    /** The latest verification of the backup in each mode, newest first; empty if it was never verified. */
    List<Verification> verifications(String backupId);

    @Override
    void close();
}
