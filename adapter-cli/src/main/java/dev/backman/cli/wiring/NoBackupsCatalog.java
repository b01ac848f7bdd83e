package dev.backman.cli.wiring;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.Verification;
import dev.backman.domain.port.BackupCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The catalog of a repository that does not exist yet: empty, and it records nothing. A dry run against a new
 * location uses it, so that it creates no catalog file.
 */
final class NoBackupsCatalog implements BackupCatalog {

    @Override
    public void save(BackupMetadata backup) {
        // a dry run records nothing
    }

    @Override
    public Optional<BackupMetadata> find(String backupId) {
        return Optional.empty();
    }

    @Override
    public List<BackupMetadata> list() {
        return List.of();
    }

    @Override
    public void delete(String backupId) {
        // nothing is stored
    }

    @Override
    public void saveFiles(String backupId, List<FileEntry> files) {
        // a dry run records nothing
    }

    @Override
    public List<FileEntry> files(String backupId) {
        return List.of();
    }

    @Override
    public List<FileEntry> filesStoredIn(String backupId) {
        return List.of();
    }

    @Override
    public List<StoredContent> contentsStoredIn(String backupId, LongPredicate sizes) {
        return List.of();
    }

    @Override
    public void saveVerification(Verification verification) {
        // a dry run records nothing
    }

    @Override
    public List<Verification> verifications(String backupId) {
        return List.of();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
