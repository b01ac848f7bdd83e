package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Use case: apply retention, removing each expired backup's manifest, archive and catalog row together, from the
 * repository and from every offsite location. Backups are removed newest first; one that cannot be removed yet
 * (object lock, an unreachable location) is kept and reported, and so are its ancestors, which it still needs.
 */
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
        List<PruneDecision> decisions = new ArrayList<>(RetentionPolicy.of(ports.config(), ports.clock().getZone())
                .decide(backups, ports.clock().instant()));
        if (!remove) {
            return decisions;
        }
        Map<String, BackupMetadata> byId = backups.stream()
                .collect(Collectors.toMap(BackupMetadata::backupId, Function.identity()));
        BackupRemoval removal = new BackupRemoval(ports, repository);
        Set<String> stillNeeded = new HashSet<>();
        for (int i = decisions.size() - 1; i >= 0; i--) { // newest first: children go before their parents
            PruneDecision decision = decisions.get(i);
            if (decision.keep()) {
                continue;
            }
            BackupMetadata backup = byId.get(decision.backupId());
            if (stillNeeded.contains(backup.backupId())) {
                decisions.set(i, PruneDecision.kept(backup,
                        "kept: needed by a backup that could not be removed yet (same chain)"));
                continue;
            }
            Optional<String> kept = removal.remove(backup);
            if (kept.isPresent()) {
                decisions.set(i, PruneDecision.kept(backup, kept.get()));
                ports.listener().onWarning("backup " + backup.backupId() + " " + kept.get());
                for (BackupMetadata a = byId.get(backup.parentId()); a != null; a = byId.get(a.parentId())) {
                    stillNeeded.add(a.backupId());
                }
            }
        }
        return decisions;
    }
}
