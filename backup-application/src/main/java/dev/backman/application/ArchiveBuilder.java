package dev.backman.application;

import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a backup's archive: each distinct content once (later copies become duplicates of the first), published
 * atomically under {@code archives/<id>.<ext>}.
 */
final class ArchiveBuilder {
    private final Ports ports;

    ArchiveBuilder(Ports ports) {
        this.ports = ports;
    }

    ArchiveOutcome build(BackupMetadata backup, ScanResult scan) {
        String id = backup.backupId();
        List<ScannedEntry> candidates = BackupPlan.duplicateCandidates(scan.entries());
        ports.listener().onProgress(new Progress(Progress.Phase.HASHING, 0, candidates.size(), 0, 0));
        Map<String, String> prehashed = new ContentHasher(ports.checksums()).hash(candidates);

        String key = RepositoryLayout.archiveKey(id, backup.compressionType());
        List<FileEntry> planned = new ArrayList<>(scan.entries().size());
        Map<String, FileEntry> firstByDigest = new HashMap<>();
        Map<String, String> originalOf = new HashMap<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        long totalBytes = scan.entries().stream().mapToLong(ScannedEntry::size).sum();
        long files = 0;
        long bytes = 0;
        WriteSummary summary;
        long archiveSize;
        try (StagedObject staged = ports.storage().stage(key);
             ArchiveWriter writer = ports.codec().newWriter(backup.compressionType(), staged.output())) {
            for (ScannedEntry scanned : scan.entries()) {
                FileEntry entry = BackupPlan.entry(scanned, null, id);
                switch (scanned.type()) {
                    case DIR -> writer.addDirectory(entry);
                    case SYMLINK -> writer.addSymlink(entry);
                    case FILE -> {
                        String digest = prehashed.get(scanned.archivePath());
                        FileEntry original = digest == null ? null : firstByDigest.get(digest);
                        if (original != null) {
                            writer.addDuplicate(entry, original);
                            originalOf.put(entry.path(), original.path());
                        } else if (!addFile(writer, entry, scanned, skipped)) {
                            unreadable.add(entry.path());
                            continue;
                        } else if (digest != null) {
                            firstByDigest.put(digest, entry);
                        }
                        files++;
                        bytes += entry.size();
                        ports.listener().onProgress(new Progress(Progress.Phase.ARCHIVING, files,
                                scan.entries().size(), bytes, totalBytes));
                    }
                }
                planned.add(entry);
            }
            summary = writer.finish();
            archiveSize = staged.commit();
        } catch (IOException e) {
            throw new StorageFailure(ports.storage().location(), "cannot write " + key + ": " + e.getMessage(),
                    false, e);
        }
        for (String path : summary.changedWhileRead()) {
            ports.listener().onWarning(path + " changed while it was read; the backup holds the bytes read");
        }
        return new ArchiveOutcome(withDigests(planned, summary, originalOf, prehashed), archiveSize,
                summary.sha256ByPath().size(), skipped);
    }

    /** Adds a file; a file that vanished or cannot be opened is skipped and reported instead of failing. */
    private boolean addFile(ArchiveWriter writer, FileEntry entry, ScannedEntry scanned, List<SkippedFile> skipped)
            throws IOException {
        try {
            writer.addFile(entry, scanned.source());
            return true;
        } catch (NoSuchFileException e) {
            skipped.add(new SkippedFile(scanned.source().toString(), "vanished before it could be read"));
        } catch (AccessDeniedException e) {
            skipped.add(new SkippedFile(scanned.source().toString(), "permission denied"));
        }
        ports.listener().onWarning("skipped " + scanned.source() + ": " + skipped.get(skipped.size() - 1).reason());
        return false;
    }

    private List<FileEntry> withDigests(List<FileEntry> planned, WriteSummary summary, Map<String, String> originalOf,
                                        Map<String, String> prehashed) {
        List<FileEntry> result = new ArrayList<>(planned.size());
        for (FileEntry entry : planned) {
            if (!entry.isFile()) {
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
