package dev.backman.cli.wiring;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.Verification;
import dev.backman.domain.port.BackupCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/** Creates the catalog on first use; closing one that was never used does nothing. */
final class LazyBackupCatalog implements BackupCatalog {
    private final Supplier<BackupCatalog> factory;
    private BackupCatalog delegate;

    LazyBackupCatalog(Supplier<BackupCatalog> factory) {
        this.factory = factory;
    }

    @Override
    public void save(BackupMetadata backup) {
        delegate().save(backup);
    }

    @Override
    public Optional<BackupMetadata> find(String backupId) {
        return delegate().find(backupId);
    }

    @Override
    public List<BackupMetadata> list() {
        return delegate().list();
    }

    @Override
    public void delete(String backupId) {
        delegate().delete(backupId);
    }

    @Override
    public void saveFiles(String backupId, List<FileEntry> files) {
        delegate().saveFiles(backupId, files);
    }

    @Override
    public List<FileEntry> files(String backupId) {
        return delegate().files(backupId);
    }

    @Override
    public List<FileEntry> filesStoredIn(String backupId) {
        return delegate().filesStoredIn(backupId);
    }

    @Override
    public List<StoredContent> contentsStoredIn(String backupId, LongPredicate sizes) {
        return delegate().contentsStoredIn(backupId, sizes);
    }

    @Override
    public void saveVerification(Verification verification) {
        delegate().saveVerification(verification);
    }

    @Override
    public List<Verification> verifications(String backupId) {
        return delegate().verifications(backupId);
    }

    @Override
    public synchronized void close() {
        if (delegate != null) {
            delegate.close();
        }
    }

    private synchronized BackupCatalog delegate() {
        if (delegate == null) {
            delegate = factory.get();
        }
        return delegate;
    }
}
