package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import dev.backman.domain.model.Verification;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.CronCalendar;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embeddable entry point: back up, restore, list, verify and prune one repository.
 *
 * <pre>{@code
 * try (BackupManager manager = BackupManager.builder()
 *         .config(config).storage(storage).catalog(catalog) … .build()) {
 *     BackupMetadata m = manager.createBackup();
 *     manager.restoreBackup(m.backupId(), Path.of("restore_location"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Operations that write the repository (backup, verify, prune, replicate) are serialized within this
 * manager and excluded across processes by the repository lock: a second writer waits up to the configured lock
 * wait and then fails with {@link dev.backman.domain.error.RepositoryLocked}. Failures are reported as subtypes
 * of {@link BackupException}; progress and warnings reach the host through the
 * {@link dev.backman.domain.port.ProgressListener} given to the builder, never through standard output.
 */
public final class BackupManager implements AutoCloseable {
    private final Ports ports;
    private final ReentrantLock writers = new ReentrantLock(true);
    private final Repository repository;
    private final CreateBackup createBackup;
    private final RestoreBackup restoreBackup;
    private final VerifyBackups verifyBackups;
    private final PruneBackups pruneBackups;
    private final RebuildCatalog rebuildCatalog;
    private final ExportBackup exportBackup;
    private final ReplicateBackups replicateBackups;
    private final RunTimes runTimes;
    private final UpgradeRepository upgradeRepository;

    BackupManager(Ports ports, CronCalendar cronCalendar) {
        this.ports = ports;
        this.runTimes = new RunTimes(cronCalendar);
        this.repository = new Repository(ports);
        this.pruneBackups = new PruneBackups(ports, repository);
        this.createBackup = new CreateBackup(ports, repository, pruneBackups);
        this.restoreBackup = new RestoreBackup(ports, repository);
        this.verifyBackups = new VerifyBackups(ports, repository, new Random());
        this.rebuildCatalog = new RebuildCatalog(ports, repository);
        this.exportBackup = new ExportBackup(ports, repository);
        this.replicateBackups = new ReplicateBackups(ports);
        this.upgradeRepository = new UpgradeRepository(ports, repository);
    }

    /**
     * Starts assembling a manager from adapters.
     *
     * @return a new builder
     */
    public static BackupManagerBuilder builder() {
        return new BackupManagerBuilder();
    }

    /**
     * The configuration this manager works with.
     *
     * @return the configuration
     */
    public BackupConfig config() {
        return ports.config();
    }

    /**
     * Creates the repository if it does not exist yet and returns its descriptor. Backups do this themselves on
     * first use.
     *
     * @return the repository's descriptor (format version, id, creation time)
     * @throws dev.backman.domain.error.RepositoryFormatMismatch the repository is of a newer format
     */
    public RepositoryDescriptor initRepository() {
        return writing("init", repository::initialize);
    }

    /**
     * Backs up the configured sources under a generated id.
     *
     * @return the completed backup
     */
    public BackupMetadata createBackup() {
        return createBackup(BackupRequest.standard());
    }

    /**
     * Backs up the configured sources under {@code backupId}.
     *
     * @param backupId the id, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}
     * @return the completed backup
     */
    public BackupMetadata createBackup(String backupId) {
        return createBackup(BackupRequest.withId(backupId));
    }

    /**
     * Makes one backup: scan, hash, write the archive, read it back against the manifest, publish the manifest,
     * record it as completed, then apply retention, then copy it (and any backup still missing there) to each
     * offsite location. Returns the completed backup's metadata, with the state of its offsite copies; files that
     * could not be read are listed in {@link BackupMetadata#skippedFiles()}. An offsite location that cannot be
     * reached does not fail the backup: its copy stays {@code pending} and the listener gets a warning. A dry run
     * returns the {@code pending} metadata of what would be backed up and writes nothing.
     *
     * @throws dev.backman.domain.error.MissingSourcePaths  a source path does not exist
     * @throws dev.backman.domain.error.BackupFailed         the backup could not complete (recorded as failed)
     * @throws dev.backman.domain.error.RepositoryLocked     another writer holds the repository
     * @param request id, sources, full, rehash, dry run
     * @return the completed backup (or, for a dry run, the pending one)
     */
    public BackupMetadata createBackup(BackupRequest request) {
        return backup(request).metadata();
    }

    /**
     * Makes one backup as {@link #createBackup(BackupRequest)} does, and also returns what it took: new, changed
     * and unchanged files (compared with the parent backup), the bytes stored and those saved by deduplication.
     * A dry run's statistics are all zero.
     *
     * @param request what to back up, and how
     * @return the backup's metadata and statistics
     * @throws dev.backman.domain.error.MissingSourcePaths  a source path does not exist
     * @throws dev.backman.domain.error.BackupFailed         the backup could not complete (recorded as failed)
     * @throws dev.backman.domain.error.RepositoryLocked     another writer holds the repository
     */
    public BackupResult backup(BackupRequest request) {
        if (request.dryRun()) {
            return new BackupResult(createBackup.dryRun(request), BackupStatistics.none());
        }
        EarlyScan scan = createBackup.startScan(request); // overlaps the lock, the repository's opening and unlock
        return writing("backup", () -> {
            BackupResult result = createBackup.run(request, scan);
            return new BackupResult(replicated(result.metadata()), result.statistics());
        });
    }

    /**
     * Restores backup {@code backupId} into {@code target} ({@code target/<root>/…}), or to the original source
     * paths when {@code target} is null.
     *
     * @return true when every file was restored and verified; false when the backup does not exist or the restore
     *     failed (the listener receives the reason as a warning). Use {@link #restore(RestoreRequest)} for
     *     details.
     * @param backupId the backup
     * @param target   the directory that receives {@code target/<root>/…}, or null for the original paths
     */
    public boolean restoreBackup(String backupId, Path target) {
        try {
            restore(RestoreRequest.of(backupId, target));
            return true;
        } catch (BackupException e) {
            ports.listener().onWarning(e.getMessage());
            return false;
        }
    }

    /**
     * Restores a backup as the request says. Existing files with other content are never replaced without
     * {@link RestoreRequest#overwrite()}: the restore then refuses before writing anything. Every file is checked
     * against its SHA-256 before it replaces anything.
     *
     * @throws dev.backman.domain.error.BackupNotFound     no such backup
     * @throws dev.backman.domain.error.RestoreConflict    existing files differ and overwrite is off
     * @throws dev.backman.domain.error.IntegrityViolation the backup is damaged
     * @throws dev.backman.domain.error.UnsafeArchiveEntry an entry would land outside the target
     * @param request the backup, target, includes, overwrite, dry run, partial
     * @return what was written
     */
    public RestoreResult restore(RestoreRequest request) {
        return restoreBackup.run(request);
    }

    /**
     * Every backup of the repository, oldest first.
     *
     * @return the backups
     * @throws dev.backman.domain.error.RepositoryFormatMismatch the repository is of a newer format
     */
    public List<BackupMetadata> listBackups() {
        repository.knownDescriptor(); // refuses a repository of a newer format
        return ports.catalog().list();
    }

    /**
     * The backup with this id, if there is one.
     *
     * @param backupId the backup
     * @return its metadata, or empty
     * @throws dev.backman.domain.error.RepositoryFormatMismatch the repository is of a newer format
     */
    public Optional<BackupMetadata> getBackupStatus(String backupId) {
        repository.knownDescriptor();
        return ports.catalog().find(backupId);
    }

    /**
     * Reads the archives of the given backups (all completed or corrupted backups when {@code backupIds} is
     * empty) and checks every entry against the manifest. Damaged backups are marked {@code corrupted}.
     *
     * @throws dev.backman.domain.error.BackupNotFound a given id does not exist
     * @param backupIds the backups; empty for all
     * @return one outcome per backup
     */
    public VerifyReport verify(List<String> backupIds) {
        return verify(VerifyRequest.full(backupIds));
    }

    /**
     * Verifies backups as the request says: {@code full} reads every archive and compares each entry with the
     * manifest; {@code quick} only checks that manifest and archive are present and the archive has its recorded
     * size (no storage gives an archive's SHA-256 without reading it); {@code sample} fully checks a share of the
     * backups, preferring those read longest ago, so that repeated runs cover all. Damage marks a backup
     * {@code corrupted}; each outcome is recorded in the catalog (see {@link #verifications(String)}).
     *
     * @throws dev.backman.domain.error.BackupNotFound a given id does not exist
     * @param request the backups and the mode
     * @return one outcome per backup checked
     */
    public VerifyReport verify(VerifyRequest request) {
        return writing("verify", () -> verifyBackups.run(request));
    }

    /**
     * The latest verification of a backup in each mode (full, quick, sample), newest first; empty if it was never
     * verified since it was made or since the catalog was rebuilt.
     *
     * @param backupId the backup
     * @return at most one verification per mode
     */
    public List<Verification> verifications(String backupId) {
        return ports.catalog().verifications(backupId);
    }

    /**
     * Copies every completed backup that an offsite location does not hold verified yet, and verifies each copy by
     * reading it back. Locations that cannot be reached are reported (their copies stay pending), never thrown.
     *
     * @return one outcome per copy worked on
     */
    public ReplicationReport replicate() {
        return writing("replicate", replicateBackups::run);
    }

    /**
     * Applies retention now; with {@code dryRun} only reports what would be removed. Expired backups are removed
     * from the offsite locations too; one that cannot be removed yet (object lock, an unreachable location) is
     * kept, with the reason, for a later prune.
     *
     * @param dryRun only report, remove nothing
     * @return every backup with the reason it stays or goes
     */
    public PruneReport prune(boolean dryRun) {
        return writing("prune", () -> pruneBackups.run(dryRun));
    }

    /**
     * Recreates the catalog from the repository's manifests alone (no archive is read): rows of backups whose
     * manifest is gone are dropped, every manifest becomes a row with its file list. Give the manager a new, empty
     * catalog when the old one is unreadable.
     *
     * @return the backups recorded and the manifests that could not be read (or belong to another repository)
     */
    public RebuildReport rebuildCatalog() {
        return writing("catalog rebuild", rebuildCatalog::run);
    }

    /**
     * Writes backup {@code backupId} as one standalone archive to {@code out} (which stays open), resolving its
     * chain, so that standard tools ({@code tar}, {@code unzip}) restore it without backman. Every file's digest
     * is checked on the way.
     *
     * @param format the archive format, or null for the backup's own
     * @throws dev.backman.domain.error.BackupNotFound     no such backup
     * @throws dev.backman.domain.error.IntegrityViolation the backup is damaged (the output is incomplete)
     * @param backupId the backup
     * @param out      where the archive goes
     * @return what was written
     */
    public ExportResult exportBackup(String backupId, java.io.OutputStream out,
                                     dev.backman.domain.model.CompressionType format) {
        return exportBackup.run(backupId, out, format);
    }

    /**
     * Runs a backup every day at {@code hhmm} (24-hour local time, e.g. {@code "02:00"}) on a background thread
     * until the returned handle is closed. A failed run is retried as {@link RetryPolicy#DEFAULT} says (twice, five
     * minutes apart); failures are reported to the listener as warnings and never stop the schedule.
     *
     * @param hhmm the time of day
     * @return the running schedule: {@link ScheduledBackups#nextRun()}, {@link ScheduledBackups#close()}
     * @throws dev.backman.domain.error.InvalidConfiguration the time is not HH:MM
     */
    public ScheduledBackups scheduleAutomaticBackup(String hhmm) {
        return scheduleAutomaticBackup(Schedule.DailyAt.parse(hhmm), RetryPolicy.DEFAULT, run -> {
            if (!run.completed()) {
                ports.listener().onWarning("scheduled backup failed: " + run.failure());
            }
        });
    }

    /**
     * Runs a backup of the configured sources on {@code schedule}, on a background thread, until the returned handle
     * is closed. Runs never overlap; when the machine slept through one or more runs, one run starts when it wakes.
     * A failed run is retried as {@code retry} says and never stops the schedule. Daily and cron times follow the
     * wall clock of the manager's clock's zone across daylight saving changes (a skipped time runs when the clock
     * jumps, a repeated time runs once); an interval is spaced from one run's start to the next.
     *
     * @param schedule when to run; a {@link Schedule.Cron} needs a cron calendar (see
     *                 {@link BackupManagerBuilder#cronCalendar(CronCalendar)})
     * @param retry    how failed runs are retried
     * @param observer told the outcome of every run, on the schedule's thread
     * @return the running schedule
     * @throws dev.backman.domain.error.InvalidConfiguration the schedule cannot run (a cron expression that is
     *                                                       malformed, or no cron calendar)
     */
    public ScheduledBackups scheduleAutomaticBackup(Schedule schedule, RetryPolicy retry, ScheduleObserver observer) {
        return ScheduledBackups.start(new ScheduleRunner(schedule, runTimes, ports.clock(), Sleeper.wakeable(),
                retry, () -> createBackup(), observer, ports.listener()));
    }

    /**
     * Migrates the repository to the newest format this backman writes
     * ({@link RepositoryDescriptor#CURRENT_FORMAT}); older formats are read and written as they are until then.
     * From format 1 to 2 every manifest is rewritten to name its repository, each one atomically, and
     * {@code backman.repo.json} gets the new format last: an upgrade that is interrupted leaves a repository of the
     * old format that works as before, and running it again finishes it. A repository at the current format is left
     * untouched ({@link UpgradeReport#alreadyCurrent()}). Takes the repository lock.
     *
     * @return what was done, with the manifests that could not be read (left as they are)
     * @throws dev.backman.domain.error.StorageFailure           no repository here, or the storage failed (rerun)
     * @throws dev.backman.domain.error.RepositoryFormatMismatch the repository is of a newer format
     * @throws dev.backman.domain.error.RepositoryLocked         another writer holds the repository
     */
    public UpgradeReport upgradeRepository() {
        return writing("repo upgrade", upgradeRepository::run);
    }

    /** Releases the catalog and the storages. */
    @Override
    public void close() {
        try {
            ports.catalog().close();
        } finally {
            try {
                ports.storage().close();
            } finally {
                ports.offsite().forEach(ArchiveStorage::close);
            }
        }
    }

    private BackupMetadata replicated(BackupMetadata backup) {
        if (ports.offsite().isEmpty()) {
            return backup;
        }
        replicateBackups.run();
        return ports.catalog().find(backup.backupId()).orElse(backup);
    }

    private <T> T writing(String operation, java.util.function.Supplier<T> work) {
        writers.lock();
        try (var held = ports.lock().acquire(operation, ports.lockWait())) {
            repository.descriptor(); // read again under the lock: another process may have upgraded the repository
            return work.get();
        } finally {
            writers.unlock();
        }
    }
}
