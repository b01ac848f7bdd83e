package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Use case: apply retention, removing each expired backup's manifest, archive and catalog row together. */
final class PruneBackups {
    private final Ports ports;
    private final Repository repository;

    PruneBackups(Ports ports, Repository repository) {
        this.ports = ports;
        this.repository = repository;
    }

    PruneReport run(boolean dryRun) {
        if (!dryRun) {
            repository.recoverInterrupted();
        }
        return new PruneReport(dryRun, decideAndRemove(!dryRun));
    }

    /** Retention after a backup (the caller holds the lock and has recovered the repository already). */
    void apply() {
        decideAndRemove(true);
    }

    private List<PruneDecision> decideAndRemove(boolean remove) {
        List<BackupMetadata> backups = ports.catalog().list();
        List<PruneDecision> decisions = new RetentionPolicy(ports.config().retentionDays())
                .decide(backups, ports.clock().instant());
        if (remove) {
            Map<String, BackupMetadata> byId = backups.stream()
                    .collect(Collectors.toMap(BackupMetadata::backupId, Function.identity()));
            decisions.stream().filter(d -> !d.keep()).forEach(d -> repository.delete(byId.get(d.backupId())));
        }
        return decisions;
    }
}
