package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides whether a new backup of some sources is full or incremental. The latest backup of the same sources
 * defines the chain; a new chain starts when asked, when there is none, when the format changed, when the chain's
 * full backup is {@code full_every_days} old, or when any backup of the chain is damaged or its archive is gone.
 */
record ChainSelection(int fullEveryDays) {

    Chain choose(List<BackupMetadata> backups, List<String> sourcePaths, CompressionType format, boolean forceFull,
                 Instant now, Predicate<BackupMetadata> archivePresent) {
        if (forceFull) {
            return Chain.full("a full backup was requested");
        }
        Optional<BackupMetadata> latest = backups.stream()
                .filter(b -> b.status() == BackupStatus.COMPLETED || b.status() == BackupStatus.CORRUPTED)
                .filter(b -> b.sourcePaths().equals(sourcePaths))
                .max(Comparator.comparing((BackupMetadata b) -> b.timestamp().toInstant())
                        .thenComparing(BackupMetadata::backupId));
        if (latest.isEmpty()) {
            return Chain.full(null); // the first backup of these sources: nothing to explain
        }
        BackupMetadata parent = latest.get();
        if (parent.compressionType() != format) {
            return Chain.full("the format changed from " + parent.compressionType() + " to " + format);
        }
        Map<String, BackupMetadata> byId = backups.stream()
                .collect(Collectors.toMap(BackupMetadata::backupId, Function.identity()));
        List<BackupMetadata> members = new ArrayList<>();
        for (BackupMetadata b = parent; b != null; b = b.parentId() == null ? null : byId.get(b.parentId())) {
            members.add(b);
            if (b.backupType() == BackupType.INCREMENTAL && !byId.containsKey(b.parentId())) {
                return Chain.full("backup " + b.parentId() + " of the chain is gone");
            }
        }
        Collections.reverse(members);
        for (BackupMetadata member : members) {
            if (member.status() != BackupStatus.COMPLETED) {
                return Chain.full("backup " + member.backupId() + " of the chain is damaged");
            }
        }
        BackupMetadata full = members.get(0);
        if (Duration.between(full.timestamp().toInstant(), now).compareTo(Duration.ofDays(fullEveryDays)) >= 0) {
            return Chain.full("the chain's full backup " + full.backupId() + " is " + fullEveryDays
                    + " or more days old (full_every_days)");
        }
        for (BackupMetadata member : members) {
            if (!archivePresent.test(member)) {
                return Chain.full("the archive of backup " + member.backupId() + " is missing");
            }
        }
        return new Chain(BackupType.INCREMENTAL, parent, List.copyOf(members), null);
    }
}
