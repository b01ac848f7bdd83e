package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.ScannedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a chain already holds, from the catalog: the parent's tree (for change detection) and every content stored
 * in the chain's archives, by digest (for dedup whatever the path).
 */
final class ChainContents {
    private final Map<String, FileEntry> previous;
    private final Map<String, FileEntry> storedByDigest;
    private final Set<Long> storedSizes;

    private ChainContents(Map<String, FileEntry> previous, Map<String, FileEntry> storedByDigest) {
        this.previous = previous;
        this.storedByDigest = storedByDigest;
        this.storedSizes = new HashSet<>();
        storedByDigest.values().forEach(e -> storedSizes.add(e.size()));
    }

    static ChainContents none() {
        return new ChainContents(Map.of(), Map.of());
    }

    static ChainContents of(Chain chain, BackupCatalog catalog) {
        if (chain.parent() == null) {
            return none();
        }
        String parentId = chain.parent().backupId();
        List<FileEntry> parentFiles = catalog.files(parentId);
        Map<String, FileEntry> previous = new HashMap<>();
        for (FileEntry entry : parentFiles) {
            previous.put(entry.path(), entry);
        }
        Map<String, FileEntry> stored = new HashMap<>();
        for (BackupMetadata member : chain.members()) {
            // the parent's own contents are in the list just read: asking the catalog again would hold every such
            // entry twice (for a chain of one full backup, the whole tree)
            List<FileEntry> holds = member.backupId().equals(parentId) ? storedIn(parentFiles, parentId)
                    : catalog.filesStoredIn(member.backupId());
            for (FileEntry entry : holds) {
                stored.putIfAbsent(entry.sha256(), entry);
            }
        }
        return new ChainContents(previous, stored);
    }

    /** What {@link BackupCatalog#filesStoredIn} gives for a backup, taken from its list. */
    private static List<FileEntry> storedIn(List<FileEntry> files, String backupId) {
        List<FileEntry> stored = new ArrayList<>();
        for (FileEntry entry : files) {
            if (entry.isFile() && backupId.equals(entry.storedIn())) {
                stored.add(entry);
            }
        }
        return stored;
    }

    /**
     * The parent's entry for this file if it is unchanged: same path, size, mtime and (where known) identity, so
     * its contents need not be read again.
     */
    FileEntry unchanged(ScannedEntry scanned) {
        FileEntry before = previous.get(scanned.archivePath());
        if (before == null || before.type() != EntryType.FILE || before.sha256() == null
                || before.size() != scanned.size() || !before.mtime().equals(scanned.mtime())
                || !Objects.equals(before.fileKey(), scanned.fileKey())) {
            return null;
        }
        return before;
    }

    /**
     * Whether this directory or symlink is in the parent's tree as it is now (same type, mode, mtime and link
     * target): an incremental archive leaves it out, since restores take directories and links from the manifest.
     */
    boolean holdsUnchanged(ScannedEntry scanned) {
        FileEntry before = previous.get(scanned.archivePath());
        return before != null && before.type() == scanned.type() && scanned.type() != EntryType.FILE
                && before.mode() == scanned.mode() && before.mtime().equals(scanned.mtime())
                && Objects.equals(before.linkTarget(), scanned.linkTarget());
    }

    /** The parent's entry at this archive path, or null. */
    FileEntry previous(String path) {
        return previous.get(path);
    }

    /** The chain's stored copy of a content, or null. */
    FileEntry holderOf(String digest) {
        return storedByDigest.get(digest);
    }

    /** Whether some content of this size is stored in the chain (only then can a changed file be a copy of it). */
    boolean holdsSize(long size) {
        return storedSizes.contains(size);
    }
}
