package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which backups stay: those younger than {@code retention_days} (0 keeps everything), the newest
 * completed backup whatever its age, backups still being written, and every backup that a kept backup's chain
 * needs (an incremental backup's contents live in its ancestors' archives).
 */
record RetentionPolicy(int retentionDays) {

    List<PruneDecision> decide(List<BackupMetadata> backups, Instant now) {
        String newest = backups.stream()
                .filter(b -> b.status() == BackupStatus.COMPLETED)
                .max(Comparator.comparing((BackupMetadata b) -> b.timestamp().toInstant())
                        .thenComparing(BackupMetadata::backupId))
                .map(BackupMetadata::backupId).orElse(null);
        Map<String, PruneDecision> decisions = new LinkedHashMap<>();
        for (BackupMetadata backup : backups) {
            decisions.put(backup.backupId(), decide(backup, now, newest));
        }
        Map<String, BackupMetadata> byId = new HashMap<>();
        backups.forEach(b -> byId.put(b.backupId(), b));
        for (BackupMetadata backup : backups) {
            if (!decisions.get(backup.backupId()).keep()) {
                continue;
            }
            for (BackupMetadata ancestor = byId.get(backup.parentId()); ancestor != null;
                 ancestor = byId.get(ancestor.parentId())) {
                if (!decisions.get(ancestor.backupId()).keep()) {
                    decisions.put(ancestor.backupId(), new PruneDecision(ancestor.backupId(), true,
                            "needed by " + backup.backupId() + " (same chain)"));
                }
            }
        }
        return new ArrayList<>(decisions.values());
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
