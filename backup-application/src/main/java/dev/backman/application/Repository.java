package dev.backman.application;

import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.ObjectLocked;
import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The repository's documents and objects as the use cases need them: descriptor, manifests, archives, recovery. */
final class Repository {
    private final Ports ports;
    private volatile Optional<RepositoryDescriptor> lastRead; // what descriptor() last found, present or not

    Repository(Ports ports) {
        this.ports = ports;
    }

    /**
     * Creates {@code backman.repo.json} if it is missing; refuses a repository of a format it cannot read. Called
     * under the lock, right after {@link #descriptor()} read it, which is not done again.
     */
    RepositoryDescriptor initialize() {
        Optional<RepositoryDescriptor> read = lastRead;
        Optional<RepositoryDescriptor> existing = read != null ? read : descriptor();
        if (existing.isPresent()) {
            return existing.get();
        }
        RepositoryDescriptor created = new RepositoryDescriptor(RepositoryDescriptor.CURRENT_FORMAT,
                UUID.randomUUID().toString(), OffsetDateTime.now(ports.clock()));
        ports.storage().put(RepositoryLayout.DESCRIPTOR, ports.documents().encodeDescriptor(created));
        lastRead = Optional.of(created);
        return created;
    }

    /** The descriptor, read now, if the repository exists; checks that this version can read it. */
    Optional<RepositoryDescriptor> descriptor() {
        Optional<byte[]> bytes = ports.storage().read(RepositoryLayout.DESCRIPTOR);
        if (bytes.isEmpty()) {
            lastRead = Optional.empty();
            return lastRead;
        }
        RepositoryDescriptor descriptor = decodeDescriptor(bytes.get());
        if (!RepositoryDescriptor.readable(descriptor.formatVersion())) {
            throw RepositoryFormatMismatch.unreadableFormat(ports.storage().location(), descriptor.formatVersion());
        }
        lastRead = Optional.of(descriptor);
        return lastRead;
    }

    /**
     * The descriptor as this manager last read it, else read now. Readers use it (a repository's id never changes,
     * and its format only under the lock), so that {@code list} or a restore do not read it again and again.
     */
    Optional<RepositoryDescriptor> knownDescriptor() {
        Optional<RepositoryDescriptor> read = lastRead;
        return read != null && read.isPresent() ? read : descriptor();
    }

    /** The stored bytes of {@code backman.repo.json}, which must exist. */
    byte[] descriptorBytes() {
        return ports.storage().read(RepositoryLayout.DESCRIPTOR).orElseThrow(() -> new StorageFailure(
                ports.storage().location(), RepositoryLayout.DESCRIPTOR + " disappeared", false, null));
    }

    private RepositoryDescriptor decodeDescriptor(byte[] bytes) {
        try {
            return ports.documents().decodeDescriptor(bytes);
        } catch (IOException e) {
            throw new RepositoryFormatMismatch(ports.storage().location(),
                    RepositoryLayout.DESCRIPTOR + " is not a backman repository descriptor: " + e.getMessage());
        }
    }

    /**
     * The manifest of {@code backupId}: the repository's own record of the backup. A missing, unreadable or invalid
     * manifest of a backup the catalog knows is an {@link IntegrityViolation} naming the manifest's key.
     */
    Manifest manifest(String backupId) {
        byte[] bytes = manifestBytes(backupId);
        try {
            return ManifestCheck.require(backupId, knownRepositoryId(), ports.documents().decodeManifest(bytes));
        } catch (IOException e) {
            throw unreadableManifest(backupId, e);
        }
    }

    /**
     * The manifest of {@code backupId} without its entries, which go to {@code entries} one at a time as they are
     * read: for a use case that needs a few facts from each entry, not all of them held at once (100,000 entries
     * take some 100 MB). Checked as {@link #manifest(String)} checks it; entries after an invalid one are not handed
     * on, and the manifest is then refused.
     */
    Manifest manifest(String backupId, Consumer<FileEntry> entries) {
        byte[] bytes = manifestBytes(backupId);
        ManifestCheck.EntryCheck check = new ManifestCheck.EntryCheck(entries);
        Manifest header;
        try {
            header = ports.documents().decodeManifest(bytes, check);
        } catch (IOException e) {
            throw unreadableManifest(backupId, e);
        }
        check.requireValid(backupId);
        return ManifestCheck.requireHeader(backupId, knownRepositoryId(), header);
    }

    private byte[] manifestBytes(String backupId) {
        return ports.storage().read(RepositoryLayout.manifestKey(backupId))
                .orElseThrow(() -> ports.catalog().find(backupId).isPresent()
                        ? new IntegrityViolation(backupId, null, "its manifest "
                        + RepositoryLayout.manifestKey(backupId) + " is missing from the repository")
                        : new BackupNotFound(backupId));
    }

    private String knownRepositoryId() {
        return knownDescriptor().map(RepositoryDescriptor::repositoryId).orElse(null);
    }

    private static IntegrityViolation unreadableManifest(String backupId, IOException e) {
        return new IntegrityViolation(backupId, RepositoryLayout.manifestKey(backupId),
                "unreadable manifest: " + e.getMessage());
    }

    /**
     * Publishes a manifest, naming this repository in it. Format 1 repositories get the field too: readers of format
     * 1 ignore fields they do not know.
     */
    void writeManifest(Manifest manifest) {
        String repositoryId = knownRepositoryId();
        String key = RepositoryLayout.manifestKey(manifest.backup().backupId());
        // streamed: the bytes of a large tree's manifest, built whole, pushed a backup's live entries into a
        // full collection of the heap
        try (StagedObject staged = ports.storage().stage(key)) {
            ports.documents().writeManifest(manifest.withRepositoryId(repositoryId), staged.output());
            staged.commit();
        } catch (IOException e) {
            throw new StorageFailure(ports.storage().location(), "cannot write " + key + ": " + e.getMessage(), false,
                    e);
        }
    }

    /** The archive of a backup, or an integrity error naming what is missing. */
    StoredObject archive(BackupMetadata backup) {
        String key = RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType());
        return ports.storage().find(key).orElseThrow(() -> new IntegrityViolation(backup.backupId(), key,
                "archive is missing from the repository"));
    }

    /** Removes a backup: manifest first (the commit point), then archive, then the catalog row. */
    void delete(BackupMetadata backup) {
        ports.storage().delete(RepositoryLayout.manifestKey(backup.backupId()));
        ports.storage().delete(RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType()));
        ports.catalog().delete(backup.backupId());
    }

    /**
     * Finishes what a writer that died (crash, kill -9, power loss) left behind; call only while holding the
     * repository lock. Temporary objects are deleted. A backup being written whose manifest was published is
     * completed from the manifest (row and file list); one without is failed ("interrupted") and its archive removed.
     * A backup that was being pruned (the manifest goes first) is finished: without manifest and archive its row is
     * dropped; with the archive still there it is marked corrupted and kept, since a manifest that vanished for
     * another reason must not cost the data, and the next prune, which decides the same, removes it. Archives that
     * no row and no manifest account for are deleted.
     *
     * @return the manifests and archives the repository holds after the recovery
     */
    RepositoryInventory recoverInterrupted() {
        ports.storage().removeLeftovers();
        RepositoryInventory inventory = RepositoryInventory.of(ports.storage());
        Set<String> known = new HashSet<>();
        for (BackupMetadata row : ports.catalog().list()) {
            String archiveKey = RepositoryLayout.archiveKey(row.backupId(), row.compressionType());
            known.add(archiveKey);
            switch (row.status()) {
                case PENDING, IN_PROGRESS -> recoverUnfinished(row, archiveKey, inventory);
                case COMPLETED, CORRUPTED -> recoverRemoval(row, archiveKey, inventory);
                case FAILED -> {
                    // a failed backup never has a manifest or an archive; nothing to finish
                }
            }
        }
        for (ObjectInfo archive : inventory.archives()) {
            String id = idOf(archive.key());
            if (!known.contains(archive.key()) && id != null && !inventory.hasManifest(id)) {
                deleteLeftover(archive.key(), inventory);
            }
        }
        return inventory;
    }

    private void recoverUnfinished(BackupMetadata row, String archiveKey, RepositoryInventory inventory) {
        if (inventory.hasManifest(row.backupId())) {
            Manifest manifest;
            try {
                manifest = manifest(row.backupId());
            } catch (IntegrityViolation e) {
                // published, yet unreadable: keep both files for the person who looks into it
                ports.catalog().save(row.failed("interrupted, and " + e.getMessage(), row.durationSeconds()));
                ports.listener().onWarning("backup " + row.backupId() + " was interrupted: " + e.getMessage());
                return;
            }
            ports.catalog().saveFiles(row.backupId(), manifest.files());
            ports.catalog().save(manifest.backup());
            ports.listener().onWarning("backup " + row.backupId() + " was interrupted after it was published; "
                    + "recorded it as completed");
        } else {
            deleteLeftover(archiveKey, inventory);
            ports.catalog().save(row.failed("interrupted", row.durationSeconds()));
            ports.listener().onWarning("backup " + row.backupId() + " was interrupted; recorded it as failed");
        }
    }

    private void recoverRemoval(BackupMetadata row, String archiveKey, RepositoryInventory inventory) {
        if (inventory.hasManifest(row.backupId())) {
            return;
        }
        if (!inventory.has(archiveKey)) {
            ports.catalog().delete(row.backupId());
        } else if (row.status() == BackupStatus.COMPLETED) {
            ports.catalog().save(row.withStatus(BackupStatus.CORRUPTED));
            ports.listener().onWarning("backup " + row.backupId() + " is corrupted: its manifest "
                    + RepositoryLayout.manifestKey(row.backupId()) + " is missing (an interrupted prune removes it "
                    + "next time; otherwise its archive " + archiveKey + " is kept for you)");
        }
    }

    /** An object under object lock stays until its lock expires; a later run removes it then. */
    private void deleteLeftover(String key, RepositoryInventory inventory) {
        try {
            ports.storage().delete(key);
            inventory.removed(key);
        } catch (ObjectLocked e) {
            ports.listener().onWarning("leftover " + key + " stays for now: " + e.getMessage());
        }
    }

    private static String idOf(String archiveKey) {
        String name = archiveKey.substring(RepositoryLayout.ARCHIVES.length());
        int dot = name.indexOf('.');
        return dot <= 0 ? null : name.substring(0, dot);
    }
}
