package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Kills {@code prune} while it removes nine expired full backups (p1…p9, 40 to 32 days old) and keeps the newest
 * (p10). Each trial starts from a copy of one template repository. The next run is {@code prune} again, then a
 * backup.
 */
final class PruneKillScenario implements KillScenario {
    private static final int BACKUPS = 10;
    private final Path base;
    private final Random random;
    private Path template;
    private Map<String, String> tree;

    PruneKillScenario(Path base, Random random) {
        this.base = base;
        this.random = random;
    }

    @Override
    public String name() {
        return "prune";
    }

    @Override
    public String marker(int trial) {
        return "locked ";
    }

    @Override
    public Path prepare(int trial) throws IOException {
        if (template == null) {
            template = base.resolve("prune-template");
            KillScenario.configure(template, "zip");
            new RandomTree(random).create(template.resolve("src"), 6, 40_000);
            Instant old = Instant.now().minus(Duration.ofDays(40));
            for (int i = 1; i <= BACKUPS; i++) {
                Clock past = Clock.fixed(old.plus(Duration.ofDays(i - 1)), ZoneOffset.UTC);
                Cli.Result made = new Cli(template).withClock(past).run("backup", "--full", "--id", "p" + i);
                assertThat(made.exitCode()).as(made.toString()).isZero();
            }
            tree = TreeSnapshot.of(template.resolve("src"));
        }
        return KillScenario.copy(template, base.resolve("prune-" + trial));
    }

    @Override
    public String[] command(int trial) {
        return new String[] {"prune"};
    }

    @Override
    public String phase(Path work, int trial, KillableRun.Outcome outcome) throws IOException {
        if (!outcome.killed()) {
            return "ended before the kill";
        }
        RecoveredRepository repository = new RecoveredRepository(work);
        List<BackupMetadata> rows = repository.rows();
        Set<String> manifests = repository.keys(RepositoryLayout.MANIFESTS);
        Set<String> archives = repository.keys(RepositoryLayout.ARCHIVES);
        for (BackupMetadata row : rows) {
            boolean manifest = manifests.contains(RepositoryLayout.manifestKey(row.backupId()));
            boolean archive = archives.contains(RepositoryLayout.archiveKey(row.backupId(), row.compressionType()));
            if (!manifest && archive) {
                return "mid-removal: manifest deleted, archive not yet";
            }
            if (!manifest) {
                return "mid-removal: files deleted, catalog row not yet";
            }
        }
        int removed = BACKUPS - rows.size();
        return removed == 0 ? "before removing anything"
                : removed == BACKUPS - 1 ? "all expired removed, exiting" : "between removals";
    }

    @Override
    public void recoverAndCheck(Path work, int trial, String phase, String context) throws IOException {
        Cli cli = new Cli(work);
        Cli.Result prune = cli.run("prune");
        assertThat(prune.exitCode()).as(context + ": prune again\n" + prune).isZero();
        RecoveredRepository repository = new RecoveredRepository(work);
        assertThat(repository.rows()).as(context + ": only the newest is left")
                .extracting(BackupMetadata::backupId).containsExactly("p" + BACKUPS);
        repository.assertRecovered(context, id -> tree);
        Cli.Result next = cli.run("backup", "--id", "n" + trial);
        assertThat(next.exitCode()).as(context + ": the next backup\n" + next).isZero();
        repository.assertRecovered(context + ", after the next backup", id -> tree, ("n" + trial)::equals);
        RecoveredRepository.deleteTree(work);
    }
}
