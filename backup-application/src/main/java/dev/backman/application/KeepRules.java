package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RetentionRules;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the {@code keep_*} rules as {@code restic forget} does: walking the backups newest first, each rule keeps
 * a backup whenever its bucket (its hour, day, week …) differs from the last bucket the rule kept, until the rule
 * has kept N buckets. So {@code keep_daily 7} keeps the newest backup of each of the last 7 days that have backups,
 * however far apart those days are.
 */
final class KeepRules {
    private final RetentionRules rules;
    private final ZoneId zone;

    KeepRules(RetentionRules rules, ZoneId zone) {
        this.rules = Objects.requireNonNull(rules);
        this.zone = Objects.requireNonNull(zone);
    }

    /**
     * What the rules say about each backup.
     *
     * @param newestFirst the backups the rules count (completed ones), newest first
     * @return by backup id: the rules that keep it and why the others do not
     */
    Map<String, Verdict> apply(List<BackupMetadata> newestFirst) {
        Map<String, Verdict> verdicts = new HashMap<>();
        newestFirst.forEach(b -> verdicts.put(b.backupId(), new Verdict(new ArrayList<>(), new ArrayList<>())));
        for (RetentionPeriod period : RetentionPeriod.values()) {
            int count = period.count(rules);
            if (count == 0) {
                continue;
            }
            int remaining = count;
            String last = null;
            Set<String> keptBuckets = new HashSet<>();
            for (BackupMetadata backup : newestFirst) {
                ZonedDateTime local = backup.timestamp().atZoneSameInstant(zone);
                String bucket = period.bucket(local, backup.backupId());
                Verdict verdict = verdicts.get(backup.backupId());
                if (remaining > 0 && !bucket.equals(last)) {
                    verdict.keptBy().add(period == RetentionPeriod.LAST ? "last " + count
                            : period.label() + " " + bucket);
                    keptBuckets.add(bucket);
                    last = bucket;
                    remaining--;
                } else if (keptBuckets.contains(bucket)) {
                    verdict.notKeptBy().add("a newer backup is the " + period.label() + " " + bucket);
                } else {
                    verdict.notKeptBy().add("beyond " + period.key() + " " + count);
                }
            }
        }
        return verdicts;
    }

    /**
     * The rules' word on one backup.
     *
     * @param keptBy    the rules that keep it ({@code "daily 2026-11-28"}, {@code "last 3"})
     * @param notKeptBy why each other rule that is on does not
     */
    record Verdict(List<String> keptBy, List<String> notKeptBy) {
        static Verdict none() {
            return new Verdict(List.of(), List.of());
        }
    }
}
