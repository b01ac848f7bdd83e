package dev.backman.domain.port;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.Verification;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The index of a repository's backups, kept for speed. It can always be rebuilt from the repository's manifests.
 * Failures are reported as {@link dev.backman.domain.error.CatalogFailure}.
 */
public interface BackupCatalog extends AutoCloseable {

    /**
     * Inserts the backup, or replaces the row with the same id.
     *
     * @param backup the backup's metadata
     */
    void save(BackupMetadata backup);

    /**
     * The backup with this id.
     *
     * @param backupId the id
     * @return the backup, or empty
     */
    Optional<BackupMetadata> find(String backupId);

    /**
     * All backups, oldest first (by timestamp, then id).
     *
     * @return the backups
     */
    List<BackupMetadata> list();

    /**
     * Removes the backup and its file list; does nothing when it is absent.
     *
     * @param backupId the backup
     */
    void delete(String backupId);

    /**
     * Records the tree of a backup (replacing any list saved before), used for change detection and to find
     * contents the chain already holds. The backup's row must exist.
     *
     * @param backupId the backup
     * @param files    its tree
     */
    void saveFiles(String backupId, List<FileEntry> files);

    /**
     * The tree of a backup as saved with {@link #saveFiles}, sorted by path; empty if none was saved.
     *
     * @param backupId the backup
     * @return its tree
     */
    List<FileEntry> files(String backupId);

    /**
     * The regular files of a backup whose contents its own archive holds ({@code storedIn == backupId}).
     *
     * @param backupId the backup
     * @return the files its archive holds
     */
    List<FileEntry> filesStoredIn(String backupId);

    /**
     * The contents of {@link #filesStoredIn} whose size {@code sizes} accepts: one per regular file whose archive is
     * the backup's own (a content its tree has under two paths comes twice), in path order. A backup that finds
     * files changed asks each older member of its chain for contents of their sizes (only those can be copies), so
     * this reads no more than digests and sizes (no paths, no other entries), and no digest of a size not asked for.
     *
     * @param backupId the backup whose archive holds the contents
     * @param sizes    which sizes are wanted
     * @return its contents of those sizes, each held by {@code backupId}
     */
    List<StoredContent> contentsStoredIn(String backupId, LongPredicate sizes);

    /**
     * Records a verification, replacing the backup's previous one of the same mode. The backup's row must exist;
     * saving the backup again keeps its verifications, deleting it deletes them.
     *
     * @param verification the outcome of one check
     */
    void saveVerification(Verification verification);

    /**
     * The latest verification of the backup in each mode, newest first; empty if it was never verified.
     *
     * @param backupId the backup
     * @return at most one verification per mode
     */
    List<Verification> verifications(String backupId);

    @Override
    void close();
}
