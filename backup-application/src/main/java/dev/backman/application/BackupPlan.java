package dev.backman.application;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScannedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/** Turns scanned entries into manifest entries. */
final class BackupPlan {
    private BackupPlan() {
    }

    static FileEntry entry(ScannedEntry scanned, String sha256, String storedIn) {
        boolean file = scanned.type() == EntryType.FILE;
        return new FileEntry(scanned.archivePath(), scanned.type(), file ? scanned.size() : 0, scanned.mode(),
                scanned.mtime(), file ? sha256 : null, scanned.linkTarget(), file ? storedIn : null,
                file ? scanned.fileKey() : null);
    }

    static List<FileEntry> entries(ScanResult scan, Map<String, String> digests, String storedIn) {
        List<FileEntry> entries = new ArrayList<>(scan.entries().size());
        for (ScannedEntry scanned : scan.entries()) {
            entries.add(entry(scanned, digests.get(scanned.archivePath()), storedIn));
        }
        return entries;
    }

    /**
     * Regular files that share their (non-zero) size with another of them, or with a content stored elsewhere:
     * only these can be copies, so only these need hashing before they are archived.
     */
    static List<ScannedEntry> duplicateCandidates(List<ScannedEntry> files, LongPredicate sizeStoredElsewhere) {
        Map<Long, Integer> countBySize = new HashMap<>();
        for (ScannedEntry e : files) {
            if (e.type() == EntryType.FILE && e.size() > 0) {
                countBySize.merge(e.size(), 1, Integer::sum);
            }
        }
        return files.stream()
                .filter(e -> e.type() == EntryType.FILE)
                .filter(e -> countBySize.getOrDefault(e.size(), 0) > 1 || sizeStoredElsewhere.test(e.size()))
                .toList();
    }
}
