package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;
import dev.backman.application.BackupManager;
import dev.backman.cli.config.EncryptionOptions;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.config.S3Options;
import dev.backman.cli.config.ScheduleOptions;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.port.ProgressListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an embedding host needs to get a {@link BackupManager} from Guice, without the command line: the
 * storage chosen by the repository's location ({@link BackupConfig#backupLocation()}: a directory, or
 * {@code s3://bucket/prefix}), its lock and SQLite catalog, the local adapters, and the manager, assembled exactly as
 * the {@code backman} command assembles them ({@link StorageModule}, {@link CatalogModule}, {@link CoreModule}).
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new BackmanModule(config, listener));
 * try (BackupManager manager = injector.getInstance(BackupManager.class)) {
 *     manager.createBackup();
 * }
 * }</pre>
 *
 * <p>Relative paths in the configuration are relative to the working directory of the JVM. The module is immutable:
 * the {@code with…} methods return a changed copy. The host closes the manager.
 */
public final class BackmanModule extends AbstractModule {
    private final BackupConfig config;
    private final ProgressListener listener;
    private final Clock clock;
    private final Duration lockWait;
    private final S3Options s3;
    private final List<String> offsite;
    private final EncryptionOptions encryption;

    /**
     * A module for the repository of {@code config}, with the system clock, no waiting for another writer's lock, the
     * default {@code s3:} settings, no offsite copies and no encryption.
     *
     * @param config   sources, repository location, format, retention …
     * @param listener receives progress and warnings of every operation
     */
    public BackmanModule(BackupConfig config, ProgressListener listener) {
        this(config, listener, Clock.systemDefaultZone(), Duration.ZERO, S3Options.defaults(), List.of(),
                EncryptionOptions.none());
    }

    private BackmanModule(BackupConfig config, ProgressListener listener, Clock clock, Duration lockWait,
                          S3Options s3, List<String> offsite, EncryptionOptions encryption) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.offsite = List.copyOf(offsite);
        this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    /**
     * The same module with another time source.
     *
     * @param value the clock that timestamps backups and drives retention
     * @return a changed copy
     */
    public BackmanModule withClock(Clock value) {
        return new BackmanModule(config, listener, value, lockWait, s3, offsite, encryption);
    }

    /**
     * The same module, waiting up to {@code value} for another writer's lock instead of failing at once.
     *
     * @param value how long a writer waits
     * @return a changed copy
     */
    public BackmanModule withLockWait(Duration value) {
        return new BackmanModule(config, listener, clock, value, s3, offsite, encryption);
    }

    /**
     * The same module with these settings for every {@code s3://} location.
     *
     * @param value endpoint, region, part size …
     * @return a changed copy
     */
    public BackmanModule withS3(S3Options value) {
        return new BackmanModule(config, listener, clock, lockWait, value, offsite, encryption);
    }

    /**
     * The same module with offsite copies (3-2-1).
     *
     * @param locations directories or {@code s3://} locations, each receiving a verified copy of every backup
     * @return a changed copy
     */
    public BackmanModule withOffsite(List<String> locations) {
        return new BackmanModule(config, listener, clock, lockWait, s3, locations, encryption);
    }

    /**
     * The same module with the passphrase source of an encrypted repository (and whether a new one is encrypted).
     *
     * @param value where the passphrase comes from
     * @return a changed copy
     */
    public BackmanModule withEncryption(EncryptionOptions value) {
        return new BackmanModule(config, listener, clock, lockWait, s3, offsite, value);
    }

    @Override
    protected void configure() {
        Path base = Path.of("").toAbsolutePath();
        RepositoryLocation location = RepositoryLocation.parse(config.backupLocation(), base, "backup_location");
        List<RepositoryLocation> copies = new ArrayList<>();
        for (int i = 0; i < offsite.size(); i++) {
            copies.add(RepositoryLocation.parse(offsite.get(i), base, "offsite[" + i + "].location"));
        }
        RunSettings settings = new RunSettings(config.withBackupLocation(location.value()), location, s3, copies,
                lockWait, false, encryption, ScheduleOptions.defaults());
        bind(RunSettings.class).toInstance(settings);
        bind(BackupConfig.class).toInstance(settings.config());
        bind(RepositoryLocation.class).toInstance(location);
        bind(Duration.class).annotatedWith(Names.named(CoreModule.LOCK_WAIT)).toInstance(lockWait);
        bind(Clock.class).toInstance(clock);
        bind(ProgressListener.class).toInstance(listener);
        install(new StorageModule());
        install(new CatalogModule());
        install(new CoreModule());
    }
}
