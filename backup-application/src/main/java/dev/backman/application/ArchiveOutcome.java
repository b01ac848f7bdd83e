package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.SkippedFile;
import java.util.List;

/**
 * A written and published archive.
 *
 * @param files       the manifest entries, with digests
 * @param archiveSize bytes of the archive
 * @param storedFiles regular files whose bytes the archive holds (duplicates excluded)
 * @param skipped     files that could not be read while archiving
 */
record ArchiveOutcome(List<FileEntry> files, long archiveSize, long storedFiles, List<SkippedFile> skipped) {
}
