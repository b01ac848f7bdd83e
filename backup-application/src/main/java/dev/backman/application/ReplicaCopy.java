package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Copies one backup (archive, then manifest, as on the primary) to an offsite storage and checks the copy: the
 * SHA-256 of the archive is computed from the bytes read from the repository while they are sent, then the copy is
 * read back in full and must have the same SHA-256 (and the manifest the same bytes). Both storages are used through
 * their {@link ArchiveStorage#raw()} views, so a replica of an encrypted repository holds the same ciphertext. A copy
 * that is already there with the right size (an interrupted run, a rebuilt catalog) is checked the same way instead
 * of being sent again.
 */
final class ReplicaCopy {
    private final Ports ports;
    private final ArchiveStorage offsite;
    private final LongConsumer sent;

    /** {@code sent} is told of the archive bytes as they are sent (progress). */
    ReplicaCopy(Ports ports, ArchiveStorage offsite, LongConsumer sent) {
        this.ports = ports.withStorage(ports.storage().raw());
        this.offsite = offsite.raw();
        this.sent = sent;
    }

    /**
     * Makes the offsite copy of {@code backup} and verifies it; {@code onCopied} runs once the copy is written and
     * before it is read back.
     *
     * @throws IntegrityViolation the repository's copy is missing, or the offsite copy does not match (it is removed)
     * @throws StorageFailure     either storage failed; the location tells which
     */
    void replicate(BackupMetadata backup, Runnable onCopied) {
        String id = backup.backupId();
        String archiveKey = RepositoryLayout.archiveKey(id, backup.compressionType());
        String manifestKey = RepositoryLayout.manifestKey(id);
        StoredObject source = ports.storage().find(archiveKey).orElseThrow(() -> new IntegrityViolation(id,
                archiveKey, "archive is missing from the repository; it cannot be copied offsite"));
        byte[] manifest = ports.storage().read(manifestKey).orElseThrow(() -> new IntegrityViolation(id,
                manifestKey, "manifest is missing from the repository; it cannot be copied offsite"));
        if (alreadyThere(source, archiveKey, manifestKey, manifest)) {
            return;
        }
        String sent = send(source, archiveKey);
        offsite.put(manifestKey, manifest);
        onCopied.run();
        String stored = sha256(offsite, offsite.find(archiveKey).orElseThrow(() -> new IntegrityViolation(id,
                archiveKey, "the copy at " + offsite.location() + " disappeared after it was written")));
        boolean manifestIntact = offsite.read(manifestKey).map(bytes -> Arrays.equals(bytes, manifest))
                .orElse(false);
        if (!stored.equals(sent) || !manifestIntact) {
            discard(archiveKey, manifestKey);
            throw new IntegrityViolation(id, archiveKey, "the copy at " + offsite.location() + " does not read back "
                    + "as written" + (stored.equals(sent) ? " (manifest differs)"
                    : " (SHA-256 " + stored + ", sent " + sent + ")") + "; it was removed");
        }
    }

    /** Whether a complete copy is there already; one of the same size that does not match is replaced. */
    private boolean alreadyThere(StoredObject source, String archiveKey, String manifestKey, byte[] manifest) {
        Optional<StoredObject> existing = offsite.find(archiveKey);
        if (existing.isEmpty() || existing.get().size() != source.size()) {
            return false;
        }
        boolean sameManifest = offsite.read(manifestKey).map(bytes -> Arrays.equals(bytes, manifest)).orElse(false);
        return sameManifest && sha256(offsite, existing.get()).equals(sha256(ports.storage(), source));
    }

    /** Streams the archive into a staged offsite object, hashing what was read; returns the SHA-256. */
    private String send(StoredObject source, String key) {
        try (StagedObject staged = offsite.stage(key)) {
            String sha256;
            try (InputStream in = CountedObject.counted(source.openStream(), sent)) {
                sha256 = ports.checksums().sha256(new CopyingStream(in, staged.output()));
            } catch (CopyingStream.WriteFailed e) {
                throw new StorageFailure(offsite.location(), "cannot write " + key + ": " + e.getMessage(), true, e);
            } catch (IOException e) {
                throw new StorageFailure(ports.storage().location(), "cannot read " + key + ": " + e.getMessage(),
                        true, e);
            }
            staged.commit();
            return sha256;
        } catch (IOException e) {
            throw new StorageFailure(offsite.location(), "cannot write " + key + ": " + e.getMessage(), true, e);
        }
    }

    private String sha256(ArchiveStorage storage, StoredObject object) {
        try (InputStream in = object.openStream()) {
            return ports.checksums().sha256(in);
        } catch (IOException e) {
            throw new StorageFailure(storage.location(), "cannot read " + object.key() + ": " + e.getMessage(), true,
                    e);
        }
    }

    /** A copy that does not match must not claim a backup; one that cannot be removed is left for retention. */
    private void discard(String archiveKey, String manifestKey) {
        try {
            offsite.delete(manifestKey);
            offsite.delete(archiveKey);
        } catch (BackupException e) {
            ports.listener().onWarning("cannot remove the damaged copy at " + offsite.location() + ": "
                    + e.getMessage());
        }
    }
}
