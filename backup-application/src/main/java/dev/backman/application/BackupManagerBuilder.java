package dev.backman.application;

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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Assembles a {@link BackupManager} from adapters. Hosts that do not use Guice call this with the adapters'
 * public constructors; the Guice modules use it too, so there is a single construction path.
 */
public final class BackupManagerBuilder {
    private BackupConfig config = BackupConfig.defaults();
    private ArchiveStorage storage;
    private BackupCatalog catalog;
    private ArchiveCodec codec;
    private SourceScanner scanner;
    private Checksums checksums;
    private RepositoryDocuments documents;
    private RepositoryLock lock;
    private RestoreWriter restoreWriter;
    private Clock clock = Clock.systemDefaultZone();
    private ProgressListener listener = ProgressListener.NONE;
    private Duration lockWait = Duration.ZERO;
    private List<ArchiveStorage> offsite = List.of();
    private CronCalendar cronCalendar;

    BackupManagerBuilder() {
    }

    /**
     * The configuration (sources, format, retention, exclusions …). Defaults to {@link BackupConfig#defaults()}.
     *
     * @param value the configuration
     * @return this builder
     */
    public BackupManagerBuilder config(BackupConfig value) {
        this.config = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Where archives, manifests and the repository descriptor are stored. Required.
     *
     * @param value the repository's storage, e.g. {@code LocalDiskArchiveStorage} or {@code S3ArchiveStorage}
     * @return this builder
     */
    public BackupManagerBuilder storage(ArchiveStorage value) {
        this.storage = value;
        return this;
    }

    /**
     * The catalog that indexes backups. Required.
     *
     * @param value the catalog, e.g. {@code SqliteBackupCatalog.open(path)}
     * @return this builder
     */
    public BackupManagerBuilder catalog(BackupCatalog value) {
        this.catalog = value;
        return this;
    }

    /**
     * Reads and writes archives. Required.
     *
     * @param value the codec, e.g. {@code CommonsCompressArchiveCodec}
     * @return this builder
     */
    public BackupManagerBuilder codec(ArchiveCodec value) {
        this.codec = value;
        return this;
    }

    /**
     * Walks the source trees. Required.
     *
     * @param value the scanner, e.g. {@code FileSystemSourceScanner}
     * @return this builder
     */
    public BackupManagerBuilder scanner(SourceScanner value) {
        this.scanner = value;
        return this;
    }

    /**
     * Computes SHA-256 digests. Required.
     *
     * @param value the digests, e.g. {@code JdkChecksums}
     * @return this builder
     */
    public BackupManagerBuilder checksums(Checksums value) {
        this.checksums = value;
        return this;
    }

    /**
     * Encodes manifests and the repository descriptor. Required.
     *
     * @param value the documents, e.g. {@code JsonRepositoryDocuments}
     * @return this builder
     */
    public BackupManagerBuilder documents(RepositoryDocuments value) {
        this.documents = value;
        return this;
    }

    /**
     * Excludes other writers of the same repository. Required.
     *
     * @param value the lock, e.g. {@code LocalRepositoryLock}
     * @return this builder
     */
    public BackupManagerBuilder lock(RepositoryLock value) {
        this.lock = value;
        return this;
    }

    /**
     * Writes restored files to disk. Required.
     *
     * @param value the writer, e.g. {@code LocalRestoreWriter}
     * @return this builder
     */
    public BackupManagerBuilder restoreWriter(RestoreWriter value) {
        this.restoreWriter = value;
        return this;
    }

    /**
     * The time source; defaults to the system clock in the default time zone.
     *
     * @param value the clock
     * @return this builder
     */
    public BackupManagerBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Receives progress (phase, files, bytes) and warnings of every operation of the manager, never standard output;
     * defaults to {@link ProgressListener#NONE}. It may be called from the operations' worker threads, one call at
     * a time per operation (see {@link ProgressListener}).
     *
     * @param value the host's listener
     * @return this builder
     */
    public BackupManagerBuilder listener(ProgressListener value) {
        this.listener = Objects.requireNonNull(value);
        return this;
    }

    /**
     * How long a writer waits for another writer's lock before failing; defaults to not waiting.
     *
     * @param value how long to wait; zero fails at once
     * @return this builder
     */
    public BackupManagerBuilder lockWait(Duration value) {
        this.lockWait = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Offsite locations (3-2-1): each gets a copy of every completed backup after it completes, verified by
     * re-reading it; retention removes backups from them too, and a restore falls back to them when the
     * repository's own archive is missing or damaged. Defaults to none. The manager closes them.
     *
     * @param value the offsite storages, in order
     * @return this builder
     */
    public BackupManagerBuilder offsite(List<ArchiveStorage> value) {
        this.offsite = List.copyOf(value);
        return this;
    }

    /**
     * The cron arithmetic for {@link dev.backman.domain.model.Schedule.Cron} schedules, e.g. adapter-cron's
     * {@code CronUtilsCalendar}. Optional: without one, daily and interval schedules work and a cron schedule is
     * refused.
     *
     * @param value the cron arithmetic, or null for none
     * @return this builder
     */
    public BackupManagerBuilder cronCalendar(CronCalendar value) {
        this.cronCalendar = value;
        return this;
    }

    /**
     * Builds the manager; fails naming the first missing part.
     *
     * @return the manager; close it to release the catalog and the storages
     * @throws IllegalStateException a required part is missing
     */
    public BackupManager build() {
        Ports ports = new Ports(config,
                require(storage, "storage"), require(catalog, "catalog"), require(codec, "codec"),
                require(scanner, "scanner"), require(checksums, "checksums"), require(documents, "documents"),
                require(lock, "lock"), require(restoreWriter, "restoreWriter"), clock, listener, lockWait,
                offsite);
        return new BackupManager(ports, cronCalendar);
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalStateException("BackupManagerBuilder: " + name + " is required");
        }
        return value;
    }
}
