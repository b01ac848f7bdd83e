package dev.backman.application;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScannedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns scanned entries into manifest entries. */
final class BackupPlan {
    private BackupPlan() {
    }

    static FileEntry entry(ScannedEntry scanned, String sha256, String storedIn) {
        boolean file = scanned.type() == EntryType.FILE;
        return new FileEntry(scanned.archivePath(), scanned.type(), file ? scanned.size() : 0, scanned.mode(),
                scanned.mtime(), file ? sha256 : null, scanned.linkTarget(), file ? storedIn : null);
    }

    static List<FileEntry> entries(ScanResult scan, Map<String, String> digests, String storedIn) {
        List<FileEntry> entries = new ArrayList<>(scan.entries().size());
        for (ScannedEntry scanned : scan.entries()) {
            entries.add(entry(scanned, digests.get(scanned.archivePath()), storedIn));
        }
        return entries;
    }

    /** Regular files that share their (non-zero) size with another file: only these can be duplicates. */
    static List<ScannedEntry> duplicateCandidates(List<ScannedEntry> entries) {
        Map<Long, Integer> countBySize = new HashMap<>();
        for (ScannedEntry e : entries) {
            if (e.type() == EntryType.FILE && e.size() > 0) {
                countBySize.merge(e.size(), 1, Integer::sum);
            }
        }
        return entries.stream()
                .filter(e -> e.type() == EntryType.FILE && e.size() > 0 && countBySize.get(e.size()) > 1)
                .toList();
    }
}
