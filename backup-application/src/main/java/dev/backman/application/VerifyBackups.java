package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: read archives back and compare every stored file with the manifest. Damage marks the backup
 * {@code corrupted}; a corrupted backup found intact again (e.g. its archive was put back) becomes
 * {@code completed}.
 */
final class VerifyBackups {
    private final Ports ports;
    private final Repository repository;

    VerifyBackups(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    VerifyReport run(List<String> backupIds) {
        List<BackupMetadata> targets = new ArrayList<>();
        if (backupIds.isEmpty()) {
            ports.catalog().list().stream()
                    .filter(b -> b.status() == BackupStatus.COMPLETED || b.status() == BackupStatus.CORRUPTED)
                    .forEach(targets::add);
        } else {
            for (String id : backupIds) {
                targets.add(ports.catalog().find(id).orElseThrow(() -> new BackupNotFound(id)));
            }
        }
        List<BackupVerification> results = new ArrayList<>();
        for (BackupMetadata backup : targets) {
            results.add(verify(backup));
        }
        return new VerifyReport(results);
    }

    private BackupVerification verify(BackupMetadata backup) {
        List<String> problems = new ArrayList<>();
        long checked = 0;
        try {
            Manifest manifest = repository.manifest(backup.backupId());
            ArchiveCheck.Result result = new ArchiveCheck(ports).check(manifest, repository.archive(backup));
            checked = result.filesChecked();
            problems.addAll(result.problems());
        } catch (BackupException e) {
            problems.add(e.getMessage());
        }
        BackupStatus status = backup.status();
        if (status == BackupStatus.COMPLETED && !problems.isEmpty()) {
            status = BackupStatus.CORRUPTED;
        } else if (status == BackupStatus.CORRUPTED && problems.isEmpty()) {
            status = BackupStatus.COMPLETED;
        }
        if (status != backup.status()) {
            ports.catalog().save(backup.withStatus(status));
        }
        return new BackupVerification(backup.backupId(), status, checked, problems);
    }
}
