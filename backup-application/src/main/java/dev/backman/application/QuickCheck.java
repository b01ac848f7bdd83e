package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify --quick}: checks what the storage tells without reading an archive, i.e. that the manifest and the
 * archive are there and the archive has the size recorded when it was written. No storage backman uses gives an
 * archive's SHA-256 without reading it (local disk has none, S3 only per-part CRCs), so contents are not compared:
 * a quick check can find a backup damaged, but only a full one can find it intact.
 */
final class QuickCheck {
    private final Ports ports;

    QuickCheck(Ports ports) {
        this.ports = ports;
    }

    /** What is wrong; empty when manifest and archive are present and the archive's size is as recorded. */
    List<String> problems(BackupMetadata backup) {
        List<String> problems = new ArrayList<>();
        String manifestKey = RepositoryLayout.manifestKey(backup.backupId());
        if (ports.storage().find(manifestKey).isEmpty()) {
            problems.add(manifestKey + ": manifest is missing from the repository");
        }
        String archiveKey = RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType());
        Optional<StoredObject> archive = ports.storage().find(archiveKey);
        if (archive.isEmpty()) {
            problems.add(archiveKey + ": archive is missing from the repository");
        } else if (archive.get().size() != backup.archiveSizeBytes()) {
            problems.add(archiveKey + ": archive has " + archive.get().size() + " bytes, "
                    + backup.archiveSizeBytes() + " recorded");
        }
        return problems;
    }
}
