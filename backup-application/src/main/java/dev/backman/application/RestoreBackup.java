package dev.backman.application;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.error.RestoreConflict;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.RestoreWriter;
import dev.backman.domain.port.RestoreWriter.Existing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: restore a backup. Plans every destination and refuses conflicts before writing anything; streams
 * each needed archive once, writing every file (at its destination when nothing is there, else to a temporary name
 * beside it) checked against its SHA-256; only when all contents are verified are files published (renamed into
 * place, stamped if the writer has not stamped them yet), then directories get their modes and mtimes. A failure
 * before that removes every file written.
 */
final class RestoreBackup {
    private final Ports ports;
    private final Repository repository;

    RestoreBackup(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    RestoreResult run(RestoreRequest request) {
        Manifest manifest = repository.manifest(request.backupId());
        BackupMetadata backup = ports.catalog().find(request.backupId()).orElse(manifest.backup());
        if (backup.status() != BackupStatus.COMPLETED && backup.status() != BackupStatus.CORRUPTED) {
            throw new InvalidConfiguration("id", "backup " + backup.backupId() + " has status "
                    + backup.status().wireName() + " and cannot be restored");
        }
        EntryPaths.requireSafe(manifest);
        RestorePlan plan = new RestorePlan(manifest.roots(), request.target());
        List<RestorePlan.Destination> selected = select(manifest, request, plan);
        Map<RestorePlan.Destination, Existing> existing = inspect(selected, request.overwrite());
        List<String> planned = new RestorePlan.Paths(selected);
        long unchanged = existing.values().stream().filter(e -> e == Existing.SAME).count();
        long dirs = selected.stream().filter(d -> d.entry().type() == EntryType.DIR).count();
        long links = count(existing, EntryType.SYMLINK);
        if (request.dryRun()) {
            return new RestoreResult(request.backupId(), count(existing, EntryType.FILE),
                    bytes(existing), unchanged, dirs, links, true, planned, List.of());
        }
        List<RestoreFailure> failures = List.of();
        try {
            new ReplicaFallback(ports, repository).run(manifest.backup().backupId(),
                    (via, archives) -> new RestoreExecution(via, archives, manifest, existing, false).run());
        } catch (IntegrityViolation damaged) {
            if (!request.partial()) {
                throw damaged;
            }
            // nothing was written: now restore what is intact, and name the rest
            failures = new RestoreExecution(ports, repository, manifest, existing, true).run();
        }
        long failedBytes = failedBytes(manifest, failures);
        return new RestoreResult(request.backupId(), count(existing, EntryType.FILE) - failures.size(),
                bytes(existing) - failedBytes, unchanged, dirs, links, false, planned, failures);
    }

    /** Bytes of the files a partial restore could not bring back (one pass over the manifest, not one per file). */
    private static long failedBytes(Manifest manifest, List<RestoreFailure> failures) {
        if (failures.isEmpty()) {
            return 0;
        }
        Set<String> failed = new HashSet<>();
        failures.forEach(f -> failed.add(f.path()));
        return manifest.files().stream().filter(f -> failed.contains(f.path())).mapToLong(FileEntry::size).sum();
    }

    private static List<RestorePlan.Destination> select(Manifest manifest, RestoreRequest request,
                                                        RestorePlan plan) {
        if (request.includes().isEmpty()) {
            return manifest.files().stream().map(plan::of).toList();
        }
        IncludeFilter filter = new IncludeFilter(request.includes());
        Set<String> wanted = new HashSet<>();
        for (FileEntry entry : manifest.files()) {
            if (filter.selects(entry.path())) {
                wanted.add(entry.path());
                for (int slash = entry.path().lastIndexOf('/'); slash > 0;
                     slash = entry.path().lastIndexOf('/', slash - 1)) {
                    wanted.add(entry.path().substring(0, slash));
                }
            }
        }
        return manifest.files().stream().filter(e -> wanted.contains(e.path())).map(plan::of).toList();
    }

    /**
     * What is on disk at each destination. Below a directory found absent nothing can exist either (the manifest
     * lists parents first), so its contents are not looked at: restoring into a new directory costs one look, not
     * one failed {@code lstat} per entry.
     */
    private Map<RestorePlan.Destination, Existing> inspect(List<RestorePlan.Destination> selected,
                                                           boolean overwrite) {
        Map<RestorePlan.Destination, Existing> states = new LinkedHashMap<>();
        List<Path> conflicts = new ArrayList<>();
        Set<Place> absentDirectories = new HashSet<>();
        for (RestorePlan.Destination d : selected) {
            Existing state;
            if (absentDirectories.contains(new Place(d.base(), d.directory()))) {
                state = Existing.ABSENT;
            } else {
                try {
                    state = ports.restoreWriter().inspect(d.base(), d.relative(), d.entry());
                } catch (IOException e) {
                    throw new StorageFailure(d.path().toString(), "cannot inspect: " + e.getMessage(), false, e);
                }
            }
            if (state == Existing.ABSENT && d.entry().type() == EntryType.DIR) {
                absentDirectories.add(new Place(d.base(), d.relative()));
            }
            if (state == Existing.DIFFERENT) { // for a directory: a file or a symlink is there
                conflicts.add(d.path());
            }
            states.put(d, state);
        }
        if (!conflicts.isEmpty() && !overwrite) {
            throw new RestoreConflict(conflicts);
        }
        return states;
    }

    /** A directory below a restore base. */
    private record Place(Path base, String relative) {
    }

    private static long count(Map<RestorePlan.Destination, Existing> states, EntryType type) {
        return states.entrySet().stream()
                .filter(e -> e.getKey().entry().type() == type && e.getValue() != Existing.SAME).count();
    }

    private static long bytes(Map<RestorePlan.Destination, Existing> states) {
        return states.entrySet().stream()
                .filter(e -> e.getKey().entry().isFile() && e.getValue() != Existing.SAME)
                .mapToLong(e -> e.getKey().entry().size()).sum();
    }
}
