package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import java.util.HashMap;
import java.util.Map;

/** Which file contents a backup's own archive holds, according to its manifest: the entries stored in it by name. */
record ArchiveContents(Map<String, FileEntry> byName) {

    static ArchiveContents of(Manifest manifest) {
        String id = manifest.backup().backupId();
        Map<String, FileEntry> byName = new HashMap<>();
        for (FileEntry entry : manifest.files()) {
            if (entry.isFile() && id.equals(entry.storedIn())) {
                byName.put(entry.path(), entry);
            }
        }
        return new ArchiveContents(byName);
    }
}
