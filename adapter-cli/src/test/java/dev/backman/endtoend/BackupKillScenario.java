package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.RepositoryLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Kills {@code backup}. Trials come in generations of three on a fresh repository (zip, tar.zst, tar.gz in turn);
 * before each, the tree changes. The next run is the next backup, which must recover the repository and complete.
 */
final class BackupKillScenario implements KillScenario {
    private static final String[] FORMATS = {"zip", "tar.zst", "tar.gz"};
    private static final int PER_GENERATION = 3;
    private static final int FILES = 14;
    private static final int MAX_BYTES = 160_000;
    private final Path base;
    private final RandomTree trees;
    private final Map<String, Map<String, String>> snapshots = new HashMap<>();
    private Path work;

    BackupKillScenario(Path base, Random random) {
        this.base = base;
        this.trees = new RandomTree(random);
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String marker(int trial) {
        return "locked "; // the lock is taken: recovery, scan and archive follow
    }

    @Override
    public Path prepare(int trial) throws IOException {
        if (trial % PER_GENERATION == 0) {
            int generation = trial / PER_GENERATION;
            work = base.resolve("backup-" + generation);
            KillScenario.configure(work, FORMATS[generation % FORMATS.length]);
            trees.create(work.resolve("src"), FILES, MAX_BYTES);
        } else {
            trees.change(work.resolve("src"), MAX_BYTES);
        }
        snapshots.put(killed(trial), TreeSnapshot.of(work.resolve("src")));
        return work;
    }

    @Override
    public String[] command(int trial) {
        return new String[] {"backup", "--id", killed(trial)};
    }

    @Override
    public String phase(Path work, int trial, KillableRun.Outcome outcome) throws IOException {
        RecoveredRepository repository = new RecoveredRepository(work);
        Optional<BackupMetadata> row = repository.rows().stream()
                .filter(b -> b.backupId().equals(killed(trial))).findFirst();
        if (!outcome.killed()) {
            return "ended before the kill";
        }
        if (row.isEmpty()) {
            return "before its catalog row (recovery of earlier runs, start)";
        }
        BackupMetadata backup = row.get();
        boolean manifest = repository.keys(RepositoryLayout.MANIFESTS).contains(
                RepositoryLayout.manifestKey(backup.backupId()));
        boolean archive = repository.keys(RepositoryLayout.ARCHIVES).contains(
                RepositoryLayout.archiveKey(backup.backupId(), backup.compressionType()));
        return switch (backup.status()) {
            case PENDING -> "row pending";
            case IN_PROGRESS -> manifest ? "manifest published, row not yet completed"
                    : archive ? "archive published, manifest not yet"
                    : repository.hasTemporaryObjects() ? "writing the archive (staged in tmp/)"
                    : "in progress, nothing staged yet (scan)";
            case COMPLETED -> "completed (catalog file list, retention or exit)";
            case FAILED, CORRUPTED -> "unexpected: " + backup.status().wireName();
        };
    }

    @Override
    public void recoverAndCheck(Path work, int trial, String phase, String context) throws IOException {
        Cli.Result next = new Cli(work).run("backup", "--id", "r" + trial);
        assertThat(next.exitCode()).as(context + ": the next backup\n" + next).isZero();
        snapshots.put("r" + trial, snapshots.get(killed(trial)));
        RecoveredRepository repository = new RecoveredRepository(work);
        Optional<BackupMetadata> killed = repository.rows().stream()
                .filter(b -> b.backupId().equals(killed(trial))).findFirst();
        if (phase.startsWith("row pending") || phase.startsWith("archive published")
                || phase.startsWith("writing") || phase.startsWith("in progress")) {
            assertThat(killed).as(context).get().satisfies(b -> {
                assertThat(b.status()).isEqualTo(BackupStatus.FAILED);
                assertThat(b.errorMessage()).isEqualTo("interrupted");
            });
        } else if (phase.startsWith("manifest published") || phase.startsWith("completed")) {
            assertThat(killed).as(context).get().extracting(BackupMetadata::status).isEqualTo(BackupStatus.COMPLETED);
        }
        repository.assertRecovered(context, snapshots::get);
    }

    private static String killed(int trial) {
        return "k" + trial;
    }
}
