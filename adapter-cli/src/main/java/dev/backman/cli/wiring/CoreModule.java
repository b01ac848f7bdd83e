package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.backman.application.BackupManager;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.port.ArchiveCodec;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.CronCalendar;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.RepositoryDocuments;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.domain.port.RestoreWriter;
import dev.backman.domain.port.SourceScanner;
import dev.backman.cron.CronUtilsCalendar;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import dev.backman.filesystem.checksum.JdkChecksums;
import dev.backman.filesystem.json.JsonRepositoryDocuments;
import dev.backman.filesystem.restore.LocalRestoreWriter;
import dev.backman.filesystem.scan.FileSystemSourceScanner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The local adapters and the {@link BackupManager}, built with {@link BackupManager#builder()} (the same path an
 * embedding host without Guice takes). Needs bindings for {@link BackupConfig}, {@link Clock},
 * {@link ProgressListener} and {@code @Named("lock_wait") Duration}, plus {@link StorageModule} and
 * {@link CatalogModule}.
 */
public final class CoreModule extends AbstractModule {
    /** The name of the {@code Duration} binding: how long a writer waits for another writer's lock. */
    public static final String LOCK_WAIT = "lock_wait";

    @Provides
    @Singleton
    ArchiveCodec codec() {
        return new CommonsCompressArchiveCodec();
    }

    @Provides
    @Singleton
    SourceScanner scanner() {
        return new FileSystemSourceScanner();
    }

    @Provides
    @Singleton
    Checksums checksums() {
        return new JdkChecksums();
    }

    @Provides
    @Singleton
    RepositoryDocuments documents(RepositoryKeyring keyring) {
        return new SealingDocuments(new LazyRepositoryDocuments(JsonRepositoryDocuments::new), keyring);
    }

    @Provides
    @Singleton
    RestoreWriter restoreWriter() {
        return new LocalRestoreWriter();
    }

    @Provides
    @Singleton
    CronCalendar cronCalendar() {
        return new LazyCronCalendar(CronUtilsCalendar::new);
    }

    @Provides
    @Singleton
    BackupManager manager(BackupConfig config, ArchiveStorage storage, BackupCatalog catalog, ArchiveCodec codec,
                          SourceScanner scanner, Checksums checksums, RepositoryDocuments documents,
                          RepositoryLock lock, RestoreWriter restoreWriter, Clock clock, ProgressListener listener,
                          @Named(LOCK_WAIT) Duration lockWait,
                          @Named(StorageModule.OFFSITE) List<ArchiveStorage> offsite, CronCalendar cron) {
        return BackupManager.builder()
                .config(config).storage(storage).catalog(catalog).codec(codec).scanner(scanner)
                .checksums(checksums).documents(documents).lock(lock).restoreWriter(restoreWriter)
                .clock(clock).listener(listener).lockWait(lockWait).offsite(offsite).cronCalendar(cron)
                .build();
    }
}
