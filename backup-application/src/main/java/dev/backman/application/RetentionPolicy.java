package dev.backman.application;

import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.RetentionRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which backups stay. A backup stays when any of these keeps it: a {@code keep_*} rule (see
 * {@link KeepRules}; they count completed backups only), {@code retention_days} (younger than that), being the
 * newest completed backup, still being written, or being needed by a kept backup of its chain (an incremental
 * backup's contents live in its ancestors' archives). With no {@code keep_*} rule and {@code retention_days} 0
 * everything stays. Failed and corrupted backups are never counted by the {@code keep_*} rules, so they never take
 * the place of a good backup; {@code retention_days} treats them like the others.
 */
record RetentionPolicy(int retentionDays, RetentionRules rules, ZoneId zone) {

    private static final Comparator<BackupMetadata> NEWEST_FIRST = Comparator
            .comparing((BackupMetadata b) -> b.timestamp().toInstant())
            .thenComparing(BackupMetadata::backupId).reversed();
    private static final String KEEP_FOREVER = "keep forever (retention_days 0, no keep_* rule)";

    /** The policy of a configuration, with periods in {@code zone}. */
    static RetentionPolicy of(BackupConfig config, ZoneId zone) {
        return new RetentionPolicy(config.retentionDays(), config.retention(), zone);
    }

    /** One decision per backup, in the order given. */
    List<PruneDecision> decide(List<BackupMetadata> backups, Instant now) {
        List<BackupMetadata> counted = backups.stream().filter(b -> b.status() == BackupStatus.COMPLETED)
                .sorted(NEWEST_FIRST).toList();
        String newest = counted.isEmpty() ? null : counted.get(0).backupId();
        Map<String, KeepRules.Verdict> verdicts = new KeepRules(rules, zone).apply(counted);
        Map<String, PruneDecision> decisions = new LinkedHashMap<>();
        for (BackupMetadata backup : backups) {
            decisions.put(backup.backupId(), decide(backup, now, newest,
                    verdicts.getOrDefault(backup.backupId(), KeepRules.Verdict.none())));
        }
        keepChains(backups, decisions);
        return new ArrayList<>(decisions.values());
    }

    /** Keeps every ancestor of a kept backup, naming the nearest kept descendant that needs it. */
    private static void keepChains(List<BackupMetadata> backups, Map<String, PruneDecision> decisions) {
        Map<String, BackupMetadata> byId = new HashMap<>();
        backups.forEach(b -> byId.put(b.backupId(), b));
        for (BackupMetadata backup : backups) { // oldest first: the first kept descendant is the nearest
            if (!decisions.get(backup.backupId()).keep()) {
                continue;
            }
            for (BackupMetadata ancestor = byId.get(backup.parentId()); ancestor != null;
                 ancestor = byId.get(ancestor.parentId())) {
                if (!decisions.get(ancestor.backupId()).keep()) {
                    decisions.put(ancestor.backupId(), PruneDecision.kept(ancestor,
                            "needed by " + backup.backupId() + " (same chain)"));
                }
            }
        }
    }

    private PruneDecision decide(BackupMetadata backup, Instant now, String newest, KeepRules.Verdict verdict) {
        if (backup.status() == BackupStatus.PENDING || backup.status() == BackupStatus.IN_PROGRESS) {
            return PruneDecision.kept(backup, "still being written");
        }
        boolean isNewest = backup.backupId().equals(newest);
        if (retentionDays == 0 && !rules.any()) {
            return isNewest ? new PruneDecision(backup, true, List.of(KEEP_FOREVER, "newest completed backup"))
                    : PruneDecision.kept(backup, KEEP_FOREVER);
        }
        Duration age = Duration.between(backup.timestamp().toInstant(), now);
        boolean young = retentionDays > 0 && age.compareTo(Duration.ofDays(retentionDays)) < 0;
        List<String> keptBy = new ArrayList<>(verdict.keptBy());
        if (young) {
            keptBy.add("younger than retention_days (" + retentionDays + ")");
        }
        if (isNewest) {
            keptBy.add("newest completed backup");
        }
        if (!keptBy.isEmpty()) {
            return new PruneDecision(backup, true, keptBy);
        }
        List<String> why = new ArrayList<>();
        if (rules.any() && backup.status() != BackupStatus.COMPLETED) {
            why.add(backup.status().wireName() + " backups are not counted by keep_* rules");
        }
        if (retentionDays > 0) {
            why.add("older than retention_days (" + retentionDays + "): " + age.toDays() + " days old");
        }
        why.addAll(verdict.notKeptBy());
        return PruneDecision.removed(backup, "no rule keeps it: " + String.join("; ", why));
    }
}
