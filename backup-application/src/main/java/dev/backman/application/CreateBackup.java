package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.BackupFailed;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.SourceRoot;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScanRules;
import dev.backman.domain.port.ScannedEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: make one backup. Scan → plan (hash where it decides storage) → write the archive to a staged object →
 * publish it → read it back against the plan → publish the manifest → mark the catalog row completed → apply
 * retention. Any failure leaves no archive or manifest behind and records the backup as failed.
 */
final class CreateBackup {
    private final Ports ports;
    private final Repository repository;
    private final PruneBackups retention;

    CreateBackup(Ports ports, Repository repository, PruneBackups retention) {
        this.ports = ports;
        this.repository = repository;
        this.retention = retention;
    }

    /** Scans and reports what a backup would contain; writes nothing. */
    BackupMetadata dryRun(BackupRequest request) {
        List<SourceRoot> roots = SourceSelection.resolve(sources(request));
        ScanResult scan = scan(roots);
        List<FileEntry> files = BackupPlan.entries(scan, java.util.Map.of(), "dry-run");
        long size = files.stream().filter(FileEntry::isFile).mapToLong(FileEntry::size).sum();
        long count = files.stream().filter(FileEntry::isFile).count();
        String id = request.backupId() == null ? "dry-run" : request.backupId();
        return BackupMetadata.pending(id, OffsetDateTime.now(ports.clock()), paths(roots),
                        ports.config().compressionType())
                .withContents(count, size, null, 0, 0, scan.skipped());
    }

    /** Resolves the request's sources (failing at once when one is missing) and starts scanning them. */
    EarlyScan startScan(BackupRequest request) {
        return EarlyScan.start(SourceSelection.resolve(sources(request)), this::scan, ports.clock());
    }

    /** Makes the backup, with the sources' scan started before the repository was locked and opened. */
    BackupResult run(BackupRequest request, EarlyScan early) {
        boolean fresh = early.fresh(); // after a long wait for the lock the sources are scanned again
        List<SourceRoot> roots = early.roots();
        repository.initialize();
        RepositoryInventory inventory = repository.recoverInterrupted();
        Instant started = ports.clock().instant();
        String id = BackupIds.choose(request.backupId(), ports.clock(),
                candidate -> ports.catalog().find(candidate).isPresent() || inventory.hasManifest(candidate));
        Chain chain = new ChainSelection(ports.config().fullEveryDays()).choose(ports.catalog().list(), paths(roots),
                ports.config().compressionType(), request.full(), started, inventory::hasArchive);
        if (chain.reason() != null && !request.full()) {
            ports.listener().onWarning("full backup: " + chain.reason());
        }
        BackupMetadata backup = BackupMetadata.pending(id, OffsetDateTime.now(ports.clock()), paths(roots),
                ports.config().compressionType()).withChain(chain.type(), chain.parentId())
                .withEncrypted(ports.storage().encrypts());
        ports.catalog().save(backup);
        backup = backup.withStatus(BackupStatus.IN_PROGRESS);
        ports.catalog().save(backup);
        try {
            // the parent's tree is read from the catalog while the early scan may still be running
            ChainContents contents = ChainContents.of(chain, ports.catalog());
            ScanResult scan = fresh ? early.result() : scan(roots);
            Written written = write(backup, roots, scan, contents, request.rehash(), started);
            ports.catalog().save(written.backup());
            applyRetention();
            return new BackupResult(written.backup(), written.statistics());
        } catch (RuntimeException e) {
            String reason = e instanceof BackupException ? e.getMessage() : e.toString();
            removeQuietly(RepositoryLayout.manifestKey(id), e);
            removeQuietly(RepositoryLayout.archiveKey(id, backup.compressionType()), e);
            ports.catalog().save(backup.failed(reason, seconds(started)));
            throw new BackupFailed(id, reason, e);
        }
    }

    private Written write(BackupMetadata backup, List<SourceRoot> roots, ScanResult scan, ChainContents contents,
                          boolean rehash, Instant started) {
        ArchiveOutcome outcome = new ArchiveBuilder(ports).build(backup, scan, contents, rehash);
        List<FileEntry> files = outcome.files();
        FileListWrite rows = FileListWrite.start(ports.catalog(), backup.backupId(), files);
        try {
            Written written = publish(backup, roots, scan, contents, started, outcome);
            rows.await();
            return written;
        } catch (RuntimeException e) {
            rows.undo(e);
            throw e;
        }
    }

    /** Checks a zip archive, then publishes the manifest. */
    private Written publish(BackupMetadata backup, List<SourceRoot> roots, ScanResult scan, ChainContents contents,
                            Instant started, ArchiveOutcome outcome) {
        List<FileEntry> files = outcome.files();
        BackupMetadata written = backup.withContents(
                files.stream().filter(FileEntry::isFile).count(),
                files.stream().filter(FileEntry::isFile).mapToLong(FileEntry::size).sum(),
                contents.treeChecksum(files, outcome.fromParent()), outcome.archiveSize(), outcome.storedFiles(),
                skipped(scan, outcome));
        Manifest manifest = new Manifest(Manifest.CURRENT_FORMAT,
                written.withStatus(BackupStatus.COMPLETED).withDuration(seconds(started)), roots, files);
        if (!outcome.checked()) { // a writer that recorded no CRC-32C: the archive is read back from storage
            ProgressMeter meter = ProgressMeter.start(ports.listener(), Progress.Phase.VERIFYING, 1,
                    outcome.archiveSize());
            ArchiveCheck.Result check = new ArchiveCheck(ports).check(manifest,
                    new CountedObject(repository.archive(written), meter));
            meter.finish();
            if (!check.problems().isEmpty()) {
                throw new BackupFailed(backup.backupId(), "the archive did not read back as written: "
                        + check.problems().get(0), null);
            }
        }
        BackupMetadata completed = manifest.backup().withDuration(seconds(started));
        repository.writeManifest(new Manifest(manifest.formatVersion(), completed, roots, files));
        return new Written(completed, files, BackupStatistics.count(files, outcome.fromParent(), contents::previous,
                outcome.storedBytes()));
    }

    /**
     * Removes what a failed backup may have published. Storage that fails again (S3 down, an object under lock)
     * must not hide the first error: the next run's recovery removes what is left.
     */
    private void removeQuietly(String key, RuntimeException original) {
        try {
            ports.storage().delete(key);
        } catch (RuntimeException e) {
            original.addSuppressed(e);
            ports.listener().onWarning("could not remove " + key + " after the failure; the next run will: "
                    + e.getMessage());
        }
    }

    /** A published backup: its metadata, its tree and what it took. */
    private record Written(BackupMetadata backup, List<FileEntry> files, BackupStatistics statistics) {
    }

    private static List<SkippedFile> skipped(ScanResult scan, ArchiveOutcome outcome) {
        List<SkippedFile> all = new ArrayList<>(scan.skipped());
        all.addAll(outcome.skipped());
        return all;
    }

    private void applyRetention() {
        ports.listener().onProgress(new Progress(Progress.Phase.PRUNING, 0, 0, 0, 0));
        try {
            retention.apply();
        } catch (BackupException e) {
            ports.listener().onWarning("retention could not be applied: " + e.getMessage());
        }
    }

    private List<Path> sources(BackupRequest request) {
        return request.sourcePaths().isEmpty() ? ports.config().sourcePaths() : request.sourcePaths();
    }

    /**
     * Scans the sources, leaving out the repository itself when it lies inside one of them (backing up
     * {@code .} into {@code ./backups} must not archive the archive being written).
     */
    private ScanResult scan(List<SourceRoot> roots) {
        ProgressMeter meter = ProgressMeter.start(ports.listener(), Progress.Phase.SCANNING, 0, 0);
        ScanResult result = scan(roots, size -> meter.filesDone(1, size));
        meter.finish();
        return result;
    }

    private ScanResult scan(List<SourceRoot> roots, java.util.function.LongConsumer fileFound) {
        Path repository = localRepository();
        if (repository == null || roots.stream().noneMatch(r -> insideOf(repository, r))) {
            return ports.scanner().scan(roots, rules(List.of()), fileFound);
        }
        List<ScannedEntry> entries = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (SourceRoot root : roots) {
            List<String> extra = insideOf(repository, root)
                    ? List.of("/" + escapeGlob(root.path().relativize(repository).toString())) : List.of();
            ScanResult part = ports.scanner().scan(List.of(root), rules(extra), fileFound);
            entries.addAll(part.entries());
            skipped.addAll(part.skipped());
        }
        return new ScanResult(entries, skipped);
    }

    private Path localRepository() {
        String location = ports.config().backupLocation();
        return location.contains("://") ? null : Path.of(location).toAbsolutePath().normalize();
    }

    private static boolean insideOf(Path repository, SourceRoot root) {
        return repository.startsWith(root.path()) && !repository.equals(root.path());
    }

    private static String escapeGlob(String relative) {
        return relative.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    private ScanRules rules(List<String> extraExcludes) {
        List<String> patterns = new ArrayList<>(ports.config().excludePatterns());
        patterns.addAll(extraExcludes);
        return new ScanRules(patterns, ports.config().includeHidden(), ports.config().maxFileSizeBytes());
    }

    private static List<String> paths(List<SourceRoot> roots) {
        return roots.stream().map(r -> r.path().toString()).toList();
    }

    private double seconds(Instant started) {
        return Duration.between(started, ports.clock().instant()).toMillis() / 1000.0;
    }
}
