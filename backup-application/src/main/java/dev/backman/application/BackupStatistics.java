package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import java.util.List;
import java.util.function.Function;

/**
 * What one backup found and stored, compared with its parent (the previous backup of its chain; a full backup has
 * none, so every file is new). A dry run has all zeros.
 *
 * @param newFiles        regular files whose path the parent did not have as a file
 * @param changedFiles    regular files the parent had under the same path with another content
 * @param unchangedFiles  regular files the parent had under the same path with the same content
 * @param storedFileBytes bytes of the files whose contents this backup's archive holds (before compression)
 * @param dedupSavedBytes bytes of file contents not stored because the chain already held them (unchanged, renamed,
 *                        copied files) or because another file of this backup has the same content
 */
public record BackupStatistics(long newFiles, long changedFiles, long unchangedFiles, long storedFileBytes,
                               long dedupSavedBytes) {

    /**
     * All zeros: the statistics of a dry run.
     *
     * @return statistics with every count 0
     */
    public static BackupStatistics none() {
        return new BackupStatistics(0, 0, 0, 0, 0);
    }

    /**
     * Counts a backup's tree against its parent's.
     *
     * @param files           the backup's manifest entries
     * @param fromParent      which of them are known to be the parent's files (same path, same content)
     * @param before          the parent's entry at a path, or null
     * @param storedFileBytes bytes of the files the archive stores
     */
    static BackupStatistics count(List<FileEntry> files, ParentMatches fromParent, Function<String, FileEntry> before,
                                  long storedFileBytes) {
        long added = 0;
        long changed = 0;
        long unchanged = 0;
        long total = 0;
        int index = -1;
        for (FileEntry file : files) {
            index++;
            if (!file.isFile()) {
                continue;
            }
            total += file.size();
            if (fromParent.at(index)) {
                unchanged++;
                continue;
            }
            FileEntry previous = before.apply(file.path());
            if (previous == null || !previous.isFile()) {
                added++;
            } else if (previous.sha256() != null && previous.sha256().equals(file.sha256())) {
                unchanged++;
            } else {
                changed++;
            }
        }
        return new BackupStatistics(added, changed, unchanged, storedFileBytes, Math.max(0, total - storedFileBytes));
    }
}
