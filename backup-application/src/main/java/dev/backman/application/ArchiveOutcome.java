package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.SkippedFile;
import java.util.List;

/**
 * A written and published archive.
 *
 * @param files       the manifest entries, with digests
 * @param fromParent  which of them are the parent's files, taken unread (same path, same content)
 * @param archiveSize bytes of the archive
 * @param storedFiles regular files whose bytes the archive holds (duplicates excluded)
 * @param storedBytes source bytes of those files (before compression)
 * @param skipped     files that could not be read while archiving
 * @param checked     whether the archive was already decoded and compared with the plan while it was written
 */
record ArchiveOutcome(List<FileEntry> files, ParentMatches fromParent, long archiveSize, long storedFiles,
                      long storedBytes, List<SkippedFile> skipped, boolean checked) {
}
