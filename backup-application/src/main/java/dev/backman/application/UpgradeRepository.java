package dev.backman.application;

import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ObjectInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: migrate the repository to {@link RepositoryDescriptor#CURRENT_FORMAT} (format 1 to 2: every manifest
 * names its repository). Each manifest is rewritten atomically through the storage (so encrypted and S3 repositories
 * are rewritten the same way), and {@code backman.repo.json} gets the new format last. An interrupted upgrade
 * leaves a format 1 repository, readable as before (format 1 readers ignore the new field); a rerun skips the
 * manifests that name the repository already. Run while holding the repository lock.
 */
final class UpgradeRepository {
    private final Ports ports;
    private final Repository repository;

    UpgradeRepository(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    UpgradeReport run() {
        RepositoryDescriptor descriptor = repository.descriptor().orElseThrow(() -> new StorageFailure(
                ports.storage().location(), "no backman repository here (create one with `backman init` or "
                + "`backman backup`)", false, null));
        int from = descriptor.formatVersion();
        if (from >= RepositoryDescriptor.CURRENT_FORMAT) {
            return new UpgradeReport(from, from, 0, true, List.of());
        }
        List<String> problems = new ArrayList<>();
        int rewritten = 0;
        for (ObjectInfo object : ports.storage().list(RepositoryLayout.MANIFESTS)) {
            String id = RepositoryLayout.backupIdOfManifest(object.key());
            if (id == null) {
                continue;
            }
            Manifest manifest;
            try {
                manifest = repository.manifest(id);
            } catch (IntegrityViolation | BackupNotFound e) {
                // damaged or foreign: left as it is, and read by format 2 exactly as before
                problems.add(e.getMessage());
                continue;
            }
            if (manifest.repositoryId() == null) { // one that names it was rewritten by an interrupted run
                repository.writeManifest(manifest); // a failure here stops the upgrade: rerun it
                rewritten++;
            }
        }
        // last: until here the repository is format 1, whatever was rewritten
        ports.storage().put(RepositoryLayout.DESCRIPTOR,
                withFormat(repository.descriptorBytes(), RepositoryDescriptor.CURRENT_FORMAT));
        repository.descriptor(); // the manager goes on with the new format
        return new UpgradeReport(from, RepositoryDescriptor.CURRENT_FORMAT, rewritten, false, problems);
    }

    private byte[] withFormat(byte[] descriptor, int version) {
        try {
            return ports.documents().withFormatVersion(descriptor, version);
        } catch (IOException e) {
            throw new RepositoryFormatMismatch(ports.storage().location(),
                    RepositoryLayout.DESCRIPTOR + " is not a backman repository descriptor: " + e.getMessage());
        }
    }
}
