package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which file contents a backup's own archive holds, according to its manifest: the entries stored in it by name
 * and the set of distinct digests (duplicates share one stored copy).
 */
record ArchiveContents(String backupId, Map<String, FileEntry> byName, Set<String> digests) {

    static ArchiveContents of(Manifest manifest) {
        String id = manifest.backup().backupId();
        Map<String, FileEntry> byName = new HashMap<>();
        Set<String> digests = new HashSet<>();
        for (FileEntry entry : manifest.files()) {
            if (entry.isFile() && id.equals(entry.storedIn())) {
                byName.put(entry.path(), entry);
                digests.add(entry.sha256());
            }
        }
        return new ArchiveContents(id, byName, digests);
    }
}
