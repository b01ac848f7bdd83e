package dev.backman.application;

import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The repository's documents and objects as the use cases need them: descriptor, manifests, archives, recovery. */
final class Repository {
    private final Ports ports;

    Repository(Ports ports) {
        this.ports = ports;
    }

    /** Creates {@code backman.repo.json} if it is missing; refuses a repository of a newer format. */
    RepositoryDescriptor initialize() {
        Optional<RepositoryDescriptor> existing = descriptor();
        if (existing.isPresent()) {
            return existing.get();
        }
        RepositoryDescriptor created = new RepositoryDescriptor(RepositoryDescriptor.CURRENT_FORMAT,
                UUID.randomUUID().toString(), OffsetDateTime.now(ports.clock()));
        ports.storage().put(RepositoryLayout.DESCRIPTOR, ports.documents().encodeDescriptor(created));
        return created;
    }

    /** The descriptor, if the repository exists; checks that this version can read it. */
    Optional<RepositoryDescriptor> descriptor() {
        Optional<byte[]> bytes = read(RepositoryLayout.DESCRIPTOR);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        RepositoryDescriptor descriptor;
        try {
            descriptor = ports.documents().decodeDescriptor(bytes.get());
        } catch (IOException e) {
            throw new RepositoryFormatMismatch(ports.storage().location(),
                    RepositoryLayout.DESCRIPTOR + " is not a backman repository descriptor: " + e.getMessage());
        }
        if (descriptor.formatVersion() > RepositoryDescriptor.CURRENT_FORMAT) {
            throw new RepositoryFormatMismatch(ports.storage().location(), "written in repository format "
                    + descriptor.formatVersion() + ", but this backman reads format "
                    + RepositoryDescriptor.CURRENT_FORMAT + " at most; upgrade backman");
        }
        return Optional.of(descriptor);
    }

    /** The manifest of {@code backupId}: the repository's own record of the backup. */
    Manifest manifest(String backupId) {
        byte[] bytes = read(RepositoryLayout.manifestKey(backupId))
                .orElseThrow(() -> ports.catalog().find(backupId).isPresent()
                        ? new IntegrityViolation(backupId, null, "its manifest "
                        + RepositoryLayout.manifestKey(backupId) + " is missing from the repository")
                        : new BackupNotFound(backupId));
        try {
            return ports.documents().decodeManifest(bytes);
        } catch (IOException e) {
            throw new IntegrityViolation(backupId, RepositoryLayout.manifestKey(backupId),
                    "unreadable manifest: " + e.getMessage());
        }
    }

    boolean hasManifest(String backupId) {
        return ports.storage().find(RepositoryLayout.manifestKey(backupId)).isPresent();
    }

    void writeManifest(Manifest manifest) {
        ports.storage().put(RepositoryLayout.manifestKey(manifest.backup().backupId()),
                ports.documents().encodeManifest(manifest));
    }

    /** The archive of a backup, or an integrity error naming what is missing. */
    StoredObject archive(BackupMetadata backup) {
        String key = RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType());
        return ports.storage().find(key).orElseThrow(() -> new IntegrityViolation(backup.backupId(), key,
                "archive is missing from the repository"));
    }

    boolean hasArchive(BackupMetadata backup) {
        return ports.storage().find(RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType()))
                .isPresent();
    }

    /** Removes a backup: manifest first (the commit point), then archive, then the catalog row. */
    void delete(BackupMetadata backup) {
        ports.storage().delete(RepositoryLayout.manifestKey(backup.backupId()));
        ports.storage().delete(RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType()));
        ports.catalog().delete(backup.backupId());
    }

    /**
     * Finishes what a writer that died left behind; call only while holding the repository lock. A backup whose
     * manifest was published is completed; one without is failed ("interrupted") and its archive removed; a row
     * whose manifest and archive are both gone was being pruned and is dropped; archives without a manifest and
     * temporary objects are deleted.
     */
    void recoverInterrupted() {
        ports.storage().removeLeftovers();
        Set<String> known = new HashSet<>();
        for (BackupMetadata row : ports.catalog().list()) {
            known.add(RepositoryLayout.archiveKey(row.backupId(), row.compressionType()));
            boolean unfinished = row.status() == BackupStatus.PENDING || row.status() == BackupStatus.IN_PROGRESS;
            if (unfinished && hasManifest(row.backupId())) {
                ports.catalog().save(manifest(row.backupId()).backup());
            } else if (unfinished) {
                ports.storage().delete(RepositoryLayout.archiveKey(row.backupId(), row.compressionType()));
                ports.catalog().save(row.failed("interrupted", row.durationSeconds()));
            } else if (row.status() == BackupStatus.COMPLETED && !hasManifest(row.backupId())
                    && ports.storage().find(RepositoryLayout.archiveKey(row.backupId(), row.compressionType()))
                    .isEmpty()) {
                ports.catalog().delete(row.backupId());
            }
        }
        for (ObjectInfo archive : ports.storage().list(RepositoryLayout.ARCHIVES)) {
            String id = idOf(archive.key());
            if (!known.contains(archive.key()) && id != null && !hasManifest(id)) {
                ports.storage().delete(archive.key());
            }
        }
    }

    private static String idOf(String archiveKey) {
        String name = archiveKey.substring(RepositoryLayout.ARCHIVES.length());
        int dot = name.indexOf('.');
        return dot <= 0 ? null : name.substring(0, dot);
    }

    private Optional<byte[]> read(String key) {
        Optional<StoredObject> object = ports.storage().find(key);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = object.get().openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new StorageFailure(ports.storage().location(), "cannot read " + key + ": " + e.getMessage(),
                    false, e);
        }
    }
}
