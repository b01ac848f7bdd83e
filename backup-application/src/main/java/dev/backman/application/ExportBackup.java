package dev.backman.application;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.WriteSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: write one standalone archive holding a backup's whole tree, resolving its chain, so that standard
 * tools restore it without backman. Each archive of the chain is read once; every file's digest is checked
 * against the manifest. Copies of one content become hard links in tar and full copies in zip.
 */
final class ExportBackup {
    private final Ports ports;
    private final Repository repository;

    ExportBackup(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    ExportResult run(String backupId, OutputStream out, CompressionType requested) {
        Manifest manifest = repository.manifest(backupId);
        BackupStatus status = ports.catalog().find(backupId).map(b -> b.status())
                .orElse(manifest.backup().status());
        if (status != BackupStatus.COMPLETED && status != BackupStatus.CORRUPTED) {
            throw new InvalidConfiguration("id", "backup " + backupId + " has status " + status.wireName()
                    + " and cannot be exported");
        }
        EntryPaths.requireSafe(manifest);
        CompressionType type = requested == null ? manifest.backup().compressionType() : requested;
        List<Path> spooled = new ArrayList<>();
        long files = manifest.files().stream().filter(FileEntry::isFile).count();
        long bytes = manifest.files().stream().filter(FileEntry::isFile).mapToLong(FileEntry::size).sum();
        ProgressMeter meter = ProgressMeter.start(ports.listener(), Progress.Phase.EXPORTING, files, bytes);
        try (ArchiveWriter writer = ports.codec().newWriter(type, out, meter)) {
            for (FileEntry entry : manifest.files()) {
                if (entry.type() == EntryType.DIR) {
                    writer.addDirectory(entry);
                } else if (entry.type() == EntryType.SYMLINK) {
                    writer.addSymlink(entry);
                }
            }
            Map<String, Map<String, List<FileEntry>>> byArchive = new LinkedHashMap<>();
            for (FileEntry entry : manifest.files()) {
                if (entry.isFile()) {
                    byArchive.computeIfAbsent(entry.storedIn(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(entry.sha256(), k -> new ArrayList<>(1)).add(entry);
                }
            }
            for (Map.Entry<String, Map<String, List<FileEntry>>> archive : byArchive.entrySet()) {
                WantedMembers<FileEntry> members = archive.getKey().equals(backupId)
                        ? WantedMembers.of(manifest, archive.getValue())
                        : WantedMembers.read(repository, archive.getKey(), archive.getValue());
                copyFrom(members, archive.getValue(), writer, type, spooled, meter);
            }
            WriteSummary summary = writer.finish();
            meter.finish();
            checkDigests(manifest, summary);
            return new ExportResult(backupId, type, files, bytes);
        } catch (IOException e) {
            throw new StorageFailure("export", e.getMessage(), false, e);
        } finally {
            spooled.forEach(ExportBackup::deleteQuietly);
        }
    }

    private void copyFrom(WantedMembers<FileEntry> members, Map<String, List<FileEntry>> wanted, ArchiveWriter writer,
                          CompressionType type, List<Path> spooled, ProgressMeter meter) throws IOException {
        String id = members.backup().backupId();
        Map<String, List<FileEntry>> missing = new HashMap<>(wanted);
        try (ArchiveReader reader = ports.codec().newReader(members.backup().compressionType(),
                repository.archive(members.backup()))) {
            for (Optional<ArchiveItem> next = reader.next(); next.isPresent() && !missing.isEmpty();
                 next = reader.next()) {
                ArchiveItem item = next.get();
                List<FileEntry> targets = item.kind() == ArchiveItem.Kind.FILE ? members.byName().get(item.name())
                        : null;
                // a content is copied once, from the first member that holds it
                if (targets == null || missing.remove(targets.get(0).sha256()) == null) {
                    continue;
                }
                FileEntry stored = targets.get(0);
                if (type.isTar() || targets.size() == 1) {
                    writer.addFile(targets.get(0), item.content());
                    for (FileEntry copy : targets.subList(1, targets.size())) {
                        writer.addDuplicate(copy, targets.get(0));
                    }
                    // the writer counts the bytes it reads; links to them are not read
                    meter.filesDone(targets.size(), (targets.size() - 1) * stored.size());
                } else {
                    // zip has no links: every copy is written in full, from one spooled copy of the content
                    Path spool = Files.createTempFile("backman-export-", ".tmp");
                    spooled.add(spool);
                    Files.copy(new BoundedStream(item.content(), stored.size() + 1), spool,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    for (FileEntry copy : targets) {
                        writer.addFile(copy, spool);
                    }
                    meter.filesDone(targets.size(), 0);
                }
            }
        } catch (IOException e) {
            throw new IntegrityViolation(id, null, "archive cannot be read: " + e.getMessage());
        }
        if (!missing.isEmpty()) {
            FileEntry first = missing.values().iterator().next().get(0);
            throw new IntegrityViolation(id, first.path(), "its contents are missing from the archive");
        }
    }

    private static void checkDigests(Manifest manifest, WriteSummary summary) {
        for (FileEntry entry : manifest.files()) {
            String written = summary.sha256ByPath().get(entry.path());
            if (entry.isFile() && written != null && !written.equals(entry.sha256())) {
                throw new IntegrityViolation(entry.storedIn(), entry.path(), "SHA-256 mismatch (expected "
                        + entry.sha256() + ", got " + written + ")");
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
