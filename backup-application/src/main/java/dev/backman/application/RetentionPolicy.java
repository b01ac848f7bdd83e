package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which backups stay: those younger than {@code retention_days} (0 keeps everything), the newest
 * completed backup whatever its age, and backups still being written.
 */
record RetentionPolicy(int retentionDays) {

    List<PruneDecision> decide(List<BackupMetadata> backups, Instant now) {
        String newest = backups.stream()
                .filter(b -> b.status() == BackupStatus.COMPLETED)
                .max(Comparator.comparing((BackupMetadata b) -> b.timestamp().toInstant())
                        .thenComparing(BackupMetadata::backupId))
                .map(BackupMetadata::backupId).orElse(null);
        List<PruneDecision> decisions = new ArrayList<>();
        for (BackupMetadata backup : backups) {
            decisions.add(decide(backup, now, newest));
        }
        return decisions;
    }

    private PruneDecision decide(BackupMetadata backup, Instant now, String newest) {
        String id = backup.backupId();
        if (backup.status() == BackupStatus.PENDING || backup.status() == BackupStatus.IN_PROGRESS) {
            return new PruneDecision(id, true, "still being written");
        }
        if (id.equals(newest)) {
            return new PruneDecision(id, true, "newest completed backup");
        }
        if (retentionDays == 0) {
            return new PruneDecision(id, true, "retention_days is 0 (keep forever)");
        }
        Duration age = Duration.between(backup.timestamp().toInstant(), now);
        if (age.compareTo(Duration.ofDays(retentionDays)) < 0) {
            return new PruneDecision(id, true, "younger than retention_days (" + retentionDays + ")");
        }
        return new PruneDecision(id, false, "older than retention_days (" + retentionDays + "): "
                + age.toDays() + " days old");
    }
}
