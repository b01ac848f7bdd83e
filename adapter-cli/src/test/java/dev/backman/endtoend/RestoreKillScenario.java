package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Kills {@code restore} of a backup of a random tree into a new directory, while it writes files. A killed restore
 * leaves the files it had written at their destinations, the last one perhaps cut short. The next run restores again
 * (with {@code --overwrite} when it lists a file cut short as a conflict), and the target must then hold exactly the
 * backed-up tree: contents, modes and mtimes, those of the files written before the kill included.
 */
final class RestoreKillScenario implements KillScenario {
    private static final int FILES = 400;
    private final Path base;
    private final Random random;
    private Path template;
    private Map<String, String> backedUp;

    RestoreKillScenario(Path base, Random random) {
        this.base = base;
        this.random = random;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String marker(int trial) {
        return "RESTORING"; // the plan is made and checked; files are written from here
    }

    @Override
    public Path prepare(int trial) throws IOException {
        if (template == null) {
            template = base.resolve("restore-template");
            KillScenario.configure(template, "tar.zst");
            new RandomTree(random).create(template.resolve("src"), FILES, 20_000);
            Cli.Result made = new Cli(template).run("backup", "--id", "b1");
            assertThat(made.exitCode()).as(made.toString()).isZero();
            backedUp = TreeSnapshot.of(template.resolve("src"));
        }
        return KillScenario.copy(template, base.resolve("restore-" + trial));
    }

    @Override
    public String[] command(int trial) {
        return new String[] {"restore", "b1", "--target", "out"};
    }

    @Override
    public String phase(Path work, int trial, KillableRun.Outcome outcome) throws IOException {
        if (!outcome.killed()) {
            return "ended before the kill";
        }
        long written = SourceTree.fileCount(work.resolve("out")); // its link comes after every file
        return written == 0 ? "before any file was written" : written < FILES ? "part of the files written"
                : "every file written, not all stamped or finished";
    }

    @Override
    public void recoverAndCheck(Path work, int trial, String phase, String context) throws IOException {
        Cli cli = new Cli(work);
        Cli.Result again = cli.run("restore", "b1", "--target", "out");
        if (again.exitCode() == 1) { // a file cut short by the kill differs from the backup: a conflict
            assertThat(again.err()).as(context + ": the conflict\n" + again).contains("--overwrite");
            assertThat(phase).as(context + ": only a kill after files were written leaves a conflict")
                    .isNotIn("ended before the kill", "before any file was written");
            again = cli.run("restore", "b1", "--target", "out", "--overwrite");
        }
        assertThat(again.exitCode()).as(context + ": restore again\n" + again).isZero();
        assertThat(TreeSnapshot.of(work.resolve("out/src"))).as(context + ": the restored tree")
                .isEqualTo(backedUp);
        RecoveredRepository.deleteTree(work);
    }
}
