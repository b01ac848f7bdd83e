package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The manifests and archives a repository holds, listed once by a writer holding the lock and kept up to date with
 * what it deletes, so that asking about each backup costs no request: on object storage one listing replaces a
 * HEAD per backup kept.
 */
final class RepositoryInventory {
    private final Set<String> keys = new HashSet<>();
    private final List<ObjectInfo> archives;

    private RepositoryInventory(List<ObjectInfo> manifests, List<ObjectInfo> archives) {
        manifests.forEach(object -> keys.add(object.key()));
        archives.forEach(object -> keys.add(object.key()));
        this.archives = archives;
    }

    /** Lists the storage now; valid while the caller holds the repository lock. */
    static RepositoryInventory of(ArchiveStorage storage) {
        return new RepositoryInventory(storage.list(RepositoryLayout.MANIFESTS),
                storage.list(RepositoryLayout.ARCHIVES));
    }

    boolean hasManifest(String backupId) {
        return keys.contains(RepositoryLayout.manifestKey(backupId));
    }

    boolean hasArchive(BackupMetadata backup) {
        return keys.contains(RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType()));
    }

    boolean has(String key) {
        return keys.contains(key);
    }

    /** The archives as listed, including any removed since. */
    List<ObjectInfo> archives() {
        return archives;
    }

    void removed(String key) {
        keys.remove(key);
    }
}
