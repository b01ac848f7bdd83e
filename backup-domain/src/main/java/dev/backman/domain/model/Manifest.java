package dev.backman.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A backup's metadata and its complete tree: enough to restore it and to rebuild the catalog without reading
 * any archive. Stored as {@code manifests/<backup_id>.json}.
 *
 * @param formatVersion manifest format version
 * @param repositoryId  the id of the repository the backup belongs to ({@link RepositoryDescriptor#repositoryId()}),
 *                      or null in manifests written before repository format 2
 * @param backup        the backup's metadata (status {@code completed} once written)
 * @param roots         source roots: archive name → original absolute path
 * @param files         every entry of the tree, sorted by path
 */
public record Manifest(int formatVersion, String repositoryId, BackupMetadata backup, List<SourceRoot> roots,
                       List<FileEntry> files) {
    /** The manifest format this version of backman writes. */
    public static final int CURRENT_FORMAT = 1;

    /**
     * Checks the required fields and copies the lists.
     *
     * @param formatVersion manifest format version
     * @param repositoryId the id of the repository the backup belongs to ({@link RepositoryDescriptor#repositoryId()}),
     *     or null in manifests written before repository format 2
     * @param backup the backup's metadata (status {@code completed} once written)
     * @param roots source roots: archive name → original absolute path
     * @param files every entry of the tree, sorted by path
     * @throws NullPointerException when {@code backup} is null
     */
    public Manifest {
        Objects.requireNonNull(backup, "backup");
        roots = List.copyOf(Objects.requireNonNullElse(roots, List.of()));
        files = List.copyOf(Objects.requireNonNullElse(files, List.of()));
    }

    /**
     * A manifest that names no repository (as manifests of repository format 1 are).
     *
     * @param formatVersion manifest format version
     * @param backup        the backup's metadata
     * @param roots         source roots
     * @param files         every entry of the tree, sorted by path
     */
    public Manifest(int formatVersion, BackupMetadata backup, List<SourceRoot> roots, List<FileEntry> files) {
        this(formatVersion, null, backup, roots, files);
    }

    /**
     * The same manifest, naming the repository it belongs to.
     *
     * @param id the repository's id, or null for none
     * @return a manifest with {@code repositoryId} set to {@code id}
     */
    public Manifest withRepositoryId(String id) {
        return new Manifest(formatVersion, id, backup, roots, files);
    }
}
