package dev.backman.application;

import dev.backman.domain.error.BackupFailed;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScannedEntry;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.WriteSummary;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Writes a backup's archive. Unchanged files (same size, mtime and identity as in the parent) are not read;
 * contents the chain already holds are references; each new content is stored once (later copies become
 * duplicates of the first). The archive is published atomically under {@code archives/<id>.<ext>}.
 */
final class ArchiveBuilder {
    private final Ports ports;

    ArchiveBuilder(Ports ports) {
        this.ports = ports;
    }

    ArchiveOutcome build(BackupMetadata backup, ScanResult scan, ChainContents chain, boolean rehash) {
        String id = backup.backupId();
        // the parent's entry of each unchanged file, by its index in the scan
        FileEntry[] unchanged = new FileEntry[scan.entries().size()];
        List<ScannedEntry> changed = new ArrayList<>();
        int index = 0;
        for (ScannedEntry scanned : scan.entries()) {
            if (scanned.type() == EntryType.FILE) {
                FileEntry before = rehash ? null : chain.unchanged(scanned);
                if (before != null) {
                    unchanged[index] = before;
                } else {
                    changed.add(scanned);
                }
            }
            index++;
        }
        Set<ScannedEntry> readWhole = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ScannedEntry> candidates = new ArrayList<>();
        // what the chain stores is gathered only when a file changed: a backup that found nothing never reads it
        LongPredicate sizeInChain = changed.isEmpty() ? size -> false : chain.storedSizes(changed);
        for (ScannedEntry candidate : BackupPlan.duplicateCandidates(changed, sizeInChain)) {
            (candidate.size() <= ReadWhole.MAX_SIZE ? readWhole : candidates).add(candidate);
        }
        // every file hashed to find copies, ahead or as it is read whole
        ports.listener().onProgress(new Progress(Progress.Phase.HASHING, 0, candidates.size() + readWhole.size(),
                0, 0));
        Map<String, String> prehashed = new HashMap<>();

        String key = RepositoryLayout.archiveKey(id, backup.compressionType());
        List<FileEntry> planned = new ArrayList<>(scan.entries().size());
        BitSet fromParent = new BitSet();
        Map<String, FileEntry> firstByDigest = new HashMap<>();
        Map<String, String> originalOf = new HashMap<>();
        List<SkippedFile> skipped = new ArrayList<>();
        long totalBytes = changed.stream().mapToLong(ScannedEntry::size).sum();
        long bytes = 0;
        ProgressMeter meter = ProgressMeter.start(ports.listener(), Progress.Phase.ARCHIVING, changed.size(),
                totalBytes); // the files to read; unchanged ones are not
        WriteSummary summary;
        long archiveSize;
        boolean checked;
        List<FileEntry> files;
        CompressionType type = backup.compressionType();
        try (ContentHasher hasher = new ContentHasher(ports.checksums(), candidates, sizeInChain);
             StagedObject staged = ports.storage().stage(key);
             StreamedArchiveCheck check = new StreamedArchiveCheck(ports, type);
             ArchiveWriter writer = ports.codec().newWriter(type,
                     check.tee(staged.output()), meter)) {
            index = -1;
            for (ScannedEntry scanned : scan.entries()) {
                index++;
                // What the parent's tree holds unchanged keeps the parent's entry, which equals the one made here:
                // a backup keeps every entry until its manifest is written, and sharing the parent's saves a record
                // per entry (and the strings it would keep alive) on a backup that found little changed.
                FileEntry before = scanned.type() == EntryType.FILE ? unchanged[index]
                        : chain.unchangedNonFile(scanned);
                if (before != null) {
                    // a file is not read: its content is the parent's, and so is its entry unless the mode changed
                    FileEntry entry = before.mode() == scanned.mode() ? before
                            : BackupPlan.entry(scanned, null, id).withContent(StoredContent.of(before));
                    if (before.isFile()) {
                        fromParent.set(planned.size());
                    }
                    planned.add(entry);
                    continue;
                }
                FileEntry entry = BackupPlan.entry(scanned, null, id);
                switch (scanned.type()) {
                    case DIR -> writer.addDirectory(entry);
                    case SYMLINK -> writer.addSymlink(entry);
                    case FILE -> {
                        ReadWhole whole = readWhole.contains(scanned) ? ReadWhole.of(scanned, ports.checksums())
                                : null;
                        String digest = whole != null ? whole.sha256() : hasher.digestOf(scanned);
                        if (digest != null) {
                            prehashed.put(scanned.archivePath(), digest);
                        }
                        StoredContent holder = digest == null ? null : chain.holderOf(digest);
                        FileEntry original = digest == null ? null : firstByDigest.get(digest);
                        if (holder != null) {
                            entry = entry.withContent(holder);
                            meter.filesDone(1, scanned.size()); // the chain holds it: nothing to read
                        } else if (original != null) {
                            writer.addDuplicate(entry, original);
                            originalOf.put(entry.path(), original.path());
                            meter.filesDone(1, scanned.size());
                        } else if (addFile(writer, entry, scanned, whole, skipped)) {
                            if (digest != null) {
                                firstByDigest.put(digest, entry);
                            }
                            bytes += entry.size();
                            meter.fileDone(); // its bytes are counted as the writer reads them
                        } else {
                            meter.filesDone(1, scanned.size());
                            continue;
                        }
                    }
                }
                planned.add(entry);
            }
            summary = writer.finish();
            meter.finish();
            files = withDigests(planned, summary, originalOf, prehashed, id);
            Optional<List<String>> problems = check.compare(id, files, summary);
            if (problems.isPresent() && !problems.get().isEmpty()) {
                throw new BackupFailed(id, "the archive did not read back as written: " + problems.get().get(0),
                        null);
            }
            archiveSize = staged.commit();
            checked = problems.isPresent();
        } catch (IOException e) {
            throw new StorageFailure(ports.storage().location(), "cannot write " + key + ": " + e.getMessage(),
                    false, e);
        }
        for (String path : summary.changedWhileRead()) {
            ports.listener().onWarning(path + " changed while it was read; the backup holds the bytes read");
        }
        return new ArchiveOutcome(files, ParentMatches.of(fromParent), archiveSize, summary.sha256ByPath().size(),
                bytes, skipped, checked);
    }

    /**
     * Adds a file, from the bytes read already if there are any; a file that vanished or cannot be opened is skipped
     * and reported instead of failing.
     */
    private boolean addFile(ArchiveWriter writer, FileEntry entry, ScannedEntry scanned, ReadWhole whole,
                            List<SkippedFile> skipped) throws IOException {
        try {
            if (whole != null) {
                writer.addFile(entry, whole.bytes(), whole.sha256()); // hashed once, by ReadWhole
            } else {
                writer.addFile(entry, scanned.source());
            }
            return true;
        } catch (NoSuchFileException e) {
            skipped.add(new SkippedFile(scanned.source().toString(), "vanished before it could be read"));
        } catch (AccessDeniedException e) {
            skipped.add(new SkippedFile(scanned.source().toString(), "permission denied"));
        }
        ports.listener().onWarning("skipped " + scanned.source() + ": " + skipped.get(skipped.size() - 1).reason());
        return false;
    }

    /** Fills in the digest of every file stored or duplicated in this archive. */
    private List<FileEntry> withDigests(List<FileEntry> planned, WriteSummary summary, Map<String, String> originalOf,
                                        Map<String, String> prehashed, String id) {
        List<FileEntry> result = new ArrayList<>(planned.size());
        for (FileEntry entry : planned) {
            if (!entry.isFile() || !id.equals(entry.storedIn())) {
                result.add(entry);
                continue;
            }
            String original = originalOf.getOrDefault(entry.path(), entry.path());
            String stored = summary.sha256ByPath().get(original);
            String expected = prehashed.get(original);
            if (expected != null && !expected.equals(stored)) {
                ports.listener().onWarning(original + " changed between hashing and archiving");
            }
            result.add(entry.withSha256(stored));
        }
        return result;
    }
}
