package dev.backman.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A backup's metadata and its complete tree: enough to restore it and to rebuild the catalog without reading
 * any archive. Stored as {@code manifests/<backup_id>.json}.
 *
 * @param formatVersion manifest format version
 * @param backup        the backup's metadata (status {@code completed} once written)
 * @param roots         source roots: archive name → original absolute path
 * @param files         every entry of the tree, sorted by path
 */
public record Manifest(int formatVersion, BackupMetadata backup, List<SourceRoot> roots, List<FileEntry> files) {
    public static final int CURRENT_FORMAT = 1;

    public Manifest {
        Objects.requireNonNull(backup, "backup");
        roots = List.copyOf(Objects.requireNonNullElse(roots, List.of()));
        files = List.copyOf(Objects.requireNonNullElse(files, List.of()));
    }
}
