package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ObjectInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Use case: recreate the catalog from the repository's manifests alone (archives are never read). Rows of
 * backups without a manifest are dropped; every manifest becomes a row and a file list, newest first.
 */
final class RebuildCatalog {
    private final Ports ports;
    private final Repository repository;

    RebuildCatalog(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    RebuildReport run() {
        repository.descriptor();
        ports.storage().removeLeftovers();
        for (BackupMetadata stale : ports.catalog().list()) {
            ports.catalog().delete(stale.backupId());
        }
        List<String> problems = new ArrayList<>();
        // Newest first: a rebuild cut short leaves recent backups whose older parents are simply unknown (and so
        // never pruned), rather than old backups whose children, unknown, still need them. Reading each manifest
        // twice keeps one file list in memory at a time.
        List<BackupMetadata> found = new ArrayList<>();
        for (ObjectInfo object : ports.storage().list(RepositoryLayout.MANIFESTS)) {
            String id = RepositoryLayout.backupIdOfManifest(object.key());
            if (id == null) {
                continue;
            }
            try {
                found.add(repository.manifest(id).backup());
            } catch (BackupException e) {
                problems.add(e.getMessage());
            }
        }
        found.sort(Comparator.comparing(BackupMetadata::timestamp).reversed());
        int rebuilt = 0;
        for (BackupMetadata backup : found) {
            try {
                Manifest manifest = repository.manifest(backup.backupId());
                ports.catalog().save(manifest.backup());
                ports.catalog().saveFiles(backup.backupId(), manifest.files());
                rebuilt++;
            } catch (BackupException e) {
                problems.add(e.getMessage());
            }
        }
        return new RebuildReport(rebuilt, problems);
    }
}
