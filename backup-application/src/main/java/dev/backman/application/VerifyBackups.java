package dev.backman.application;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.Verification;
import dev.backman.domain.model.VerifyMode;
import dev.backman.domain.port.Progress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Use case: check backups against their manifests, fully (every archive read, every entry compared), quickly
 * (presence and size) or on a sample, and record each outcome in the catalog. Damage marks a completed backup
 * {@code corrupted}; a corrupted backup that a full read finds intact again (its archive was put back) becomes
 * {@code completed}. A quick check never does that: it cannot see damaged contents.
 */
final class VerifyBackups {
    private final Ports ports;
    private final Repository repository;
    private final VerifySample sample;

    VerifyBackups(Ports ports, Repository repository, Random random) {
        this.ports = ports;
        this.repository = repository;
        this.sample = new VerifySample(random);
    }

    VerifyReport run(VerifyRequest request) {
        List<BackupMetadata> candidates = candidates(request.backupIds());
        List<BackupMetadata> targets = request.mode() == VerifyMode.SAMPLE
                ? sample.choose(candidates, this::lastRead, request.samplePercent())
                : candidates;
        boolean reads = request.mode().readsContents();
        ProgressMeter meter = ProgressMeter.start(ports.listener(), Progress.Phase.VERIFYING, targets.size(),
                reads ? targets.stream().mapToLong(BackupMetadata::archiveSizeBytes).sum() : 0);
        List<BackupVerification> results = new ArrayList<>();
        long archiveBytes = 0;
        for (BackupMetadata backup : targets) {
            results.add(verify(backup, request.mode(), meter));
            archiveBytes += reads ? backup.archiveSizeBytes() : 0;
            meter.filesDone(1, Math.max(0, archiveBytes - meter.bytes())); // what was not read counts as checked
        }
        meter.finish();
        return new VerifyReport(request.mode(), candidates.size(), results);
    }

    private List<BackupMetadata> candidates(List<String> backupIds) {
        if (backupIds.isEmpty()) {
            return ports.catalog().list().stream()
                    .filter(b -> b.status() == BackupStatus.COMPLETED || b.status() == BackupStatus.CORRUPTED)
                    .toList();
        }
        List<BackupMetadata> named = new ArrayList<>();
        for (String id : backupIds) {
            named.add(ports.catalog().find(id).orElseThrow(() -> new BackupNotFound(id)));
        }
        return named;
    }

    /** When the backup's archive was last read entirely. */
    private Optional<Instant> lastRead(String backupId) {
        return ports.catalog().verifications(backupId).stream()
                .filter(v -> v.mode().readsContents())
                .map(v -> v.verifiedAt().toInstant())
                .max(Instant::compareTo);
    }

    private BackupVerification verify(BackupMetadata backup, VerifyMode mode, ProgressMeter meter) {
        OffsetDateTime at = OffsetDateTime.now(ports.clock());
        List<String> problems = new ArrayList<>();
        long checked = 0;
        if (mode == VerifyMode.QUICK) {
            problems.addAll(new QuickCheck(ports).problems(backup));
        } else {
            try {
                Manifest manifest = repository.manifest(backup.backupId());
                ArchiveCheck.Result result = new ArchiveCheck(ports).check(manifest,
                        new CountedObject(repository.archive(backup), meter));
                checked = result.filesChecked();
                problems.addAll(result.problems());
            } catch (BackupException e) {
                problems.add(e.getMessage());
            }
        }
        BackupStatus status = backup.status();
        if (status == BackupStatus.COMPLETED && !problems.isEmpty()) {
            status = BackupStatus.CORRUPTED;
        } else if (status == BackupStatus.CORRUPTED && problems.isEmpty() && mode.readsContents()) {
            status = BackupStatus.COMPLETED;
        }
        if (status != backup.status()) {
            ports.catalog().save(backup.withStatus(status));
        }
        ports.catalog().saveVerification(new Verification(backup.backupId(), mode, at, problems.isEmpty(),
                summary(problems)));
        return new BackupVerification(backup.backupId(), status, mode, at, checked, problems);
    }

    private static String summary(List<String> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        int others = problems.size() - 1;
        return problems.get(0) + (others == 0 ? "" : " (and " + others + " more problem" + (others == 1 ? "" : "s")
                + ")");
    }
}
