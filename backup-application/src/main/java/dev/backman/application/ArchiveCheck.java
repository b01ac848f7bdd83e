package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a backup's archive once and compares every stored file with its manifest entry (size and SHA-256). */
final class ArchiveCheck {
    private final Ports ports;

    ArchiveCheck(Ports ports) {
        this.ports = ports;
    }

    /** The problems found; empty when the archive holds exactly what the manifest says. */
    Result check(Manifest manifest, StoredObject archive) {
        BackupMetadata backup = manifest.backup();
        ArchiveContents contents = ArchiveContents.of(manifest);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> names = new HashSet<>();
        long checked = 0;
        long bytes = 0;
        try (ArchiveReader reader = ports.codec().newReader(backup.compressionType(), archive)) {
            for (Optional<ArchiveItem> next = reader.next(); next.isPresent(); next = reader.next()) {
                ArchiveItem item = next.get();
                if (!names.add(item.name())) {
                    problems.add(item.name() + ": appears more than once in the archive");
                    continue;
                }
                if (item.kind() != ArchiveItem.Kind.FILE) {
                    continue;
                }
                FileEntry expected = contents.byName().get(item.name());
                if (expected == null) {
                    problems.add(item.name() + ": not listed in the manifest");
                    continue;
                }
                BoundedStream content = new BoundedStream(item.content(), expected.size() + 1);
                String actual = ports.checksums().sha256(content);
                checked++;
                bytes += content.count();
                if (content.count() != expected.size()) {
                    problems.add(item.name() + ": " + content.count() + " bytes stored, " + expected.size()
                            + " expected");
                } else if (!actual.equals(expected.sha256())) {
                    problems.add(item.name() + ": SHA-256 mismatch (expected " + expected.sha256() + ", got "
                            + actual + ")");
                } else {
                    seen.add(actual);
                }
                ports.listener().onProgress(new Progress(Progress.Phase.VERIFYING, checked,
                        contents.byName().size(), bytes, backup.totalSizeBytes()));
            }
        } catch (IOException | RuntimeException e) {
            problems.add("archive cannot be read: " + e.getMessage());
        }
        for (FileEntry entry : contents.byName().values()) {
            // one report per missing content: duplicates share a stored copy
            if (seen.add(entry.sha256()) && problems.stream().noneMatch(p -> p.startsWith(entry.path() + ":"))) {
                problems.add(entry.path() + ": missing from the archive");
            }
        }
        return new Result(checked, problems);
    }

    /** Files whose contents were compared, and what was wrong. */
    record Result(long filesChecked, List<String> problems) {
    }
}
