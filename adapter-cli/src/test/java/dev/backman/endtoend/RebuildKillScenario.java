package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Kills {@code catalog rebuild} of a repository with a chain of four backups (tar.zst). Each trial starts from a
 * copy of one template. The next run is {@code catalog rebuild} again (a killed rebuild leaves a partial catalog,
 * and the repository itself untouched), then a backup.
 */
final class RebuildKillScenario implements KillScenario {
    private static final int BACKUPS = 4;
    private final Path base;
    private final Random random;
    private final Map<String, Map<String, String>> snapshots = new HashMap<>();
    private Path template;

    RebuildKillScenario(Path base, Random random) {
        this.base = base;
        this.random = random;
    }

    @Override
    public String name() {
        return "catalog rebuild";
    }

    @Override
    public String marker(int trial) {
        // the rebuild's first change (before it nothing is touched), or, every other trial, the lock taken before the
        // rows are written, so that kills land among those too
        return trial % 2 == 0 ? "moved the previous catalog aside" : "locked ";
    }

    @Override
    public Path prepare(int trial) throws IOException {
        if (template == null) {
            template = base.resolve("rebuild-template");
            KillScenario.configure(template, "tar.zst");
            RandomTree trees = new RandomTree(random);
            trees.create(template.resolve("src"), 6, 40_000);
            for (int i = 1; i <= BACKUPS; i++) {
                if (i > 1) {
                    trees.change(template.resolve("src"), 40_000);
                }
                Cli.Result made = new Cli(template).run("backup", "--id", "b" + i);
                assertThat(made.exitCode()).as(made.toString()).isZero();
                snapshots.put("b" + i, TreeSnapshot.of(template.resolve("src")));
            }
        }
        return KillScenario.copy(template, base.resolve("rebuild-" + trial));
    }

    @Override
    public String[] command(int trial) {
        return new String[] {"catalog", "rebuild"};
    }

    @Override
    public String phase(Path work, int trial, KillableRun.Outcome outcome) throws IOException {
        if (!outcome.killed()) {
            return "ended before the kill";
        }
        boolean setAside;
        try (Stream<Path> files = Files.list(work.resolve("repo"))) {
            setAside = files.anyMatch(p -> p.getFileName().toString().startsWith("catalog.db.replaced-"));
        }
        if (!setAside) {
            return "before the old catalog was set aside";
        }
        if (!Files.exists(work.resolve("repo/catalog.db"))) {
            return "old catalog set aside, new one not created";
        }
        int rows = new RecoveredRepository(work).rows().size();
        return rows == 0 ? "new catalog empty, nothing rebuilt yet"
                : rows < BACKUPS ? "part of the rows rebuilt" : "all rows rebuilt, exiting";
    }

    @Override
    public void recoverAndCheck(Path work, int trial, String phase, String context) throws IOException {
        Cli cli = new Cli(work);
        Cli.Result rebuild = cli.run("catalog", "rebuild");
        assertThat(rebuild.exitCode()).as(context + ": rebuild again\n" + rebuild).isZero();
        RecoveredRepository repository = new RecoveredRepository(work);
        List<BackupMetadata> rows = repository.rows();
        assertThat(rows).as(context + ": every backup is back").hasSize(BACKUPS)
                .allMatch(b -> b.status() == BackupStatus.COMPLETED);
        repository.assertRecovered(context, snapshots::get);
        Cli.Result next = cli.run("backup", "--id", "n" + trial);
        assertThat(next.exitCode()).as(context + ": the next backup\n" + next).isZero();
        snapshots.put("n" + trial, snapshots.get("b" + BACKUPS));
        repository.assertRecovered(context + ", after the next backup", snapshots::get, ("n" + trial)::equals);
        RecoveredRepository.deleteTree(work);
    }
}
