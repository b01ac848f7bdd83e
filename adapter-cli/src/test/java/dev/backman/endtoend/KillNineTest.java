package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 harness: runs the real command line in child JVMs and kills them with SIGKILL at random moments of
 * {@code backup}, {@code prune}, {@code catalog rebuild} and {@code restore}; after each kill the next run must
 * recover (see {@link RecoveredRepository} for what that means, and {@link RestoreKillScenario} for a restore). Delays and trees come from one seed, printed with the results
 * and named in every failure; rerun with {@code -Dbackman.killSeed=SEED}. Where each kill landed is told from what
 * it left, and reported. To save time, one trial is checked (in this JVM) while the next one's child runs; the two
 * are always of different operations, on different repositories.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillNineTest {
    private static final long SEED = Long.getLong("backman.killSeed", 20261129L);
    private static final int KILLS_PER_SCENARIO = Integer.getInteger("backman.killsPerScenario", 17);
    private static final int MAX_RUNS_PER_SCENARIO = KILLS_PER_SCENARIO * 3 / 2 + 2;

    @TempDir
    Path dir;
    private final Random random = new Random(SEED);
    private final Map<String, Long> window = new TreeMap<>();
    private final Map<String, Map<String, Integer>> phases = new TreeMap<>();
    private final Map<String, Integer> kills = new TreeMap<>();
    private final Map<String, Integer> runs = new TreeMap<>();

    @Test
    void everyKilledBackupPruneRebuildAndRestoreIsRecoveredByTheNextRun(TestReporter reporter) throws Exception {
        long started = System.nanoTime();
        List<KillScenario> scenarios = List.of(new BackupKillScenario(dir, random),
                new PruneKillScenario(dir, random), new RebuildKillScenario(dir, random),
                new RestoreKillScenario(dir, random));
        for (KillScenario scenario : scenarios) {
            calibrate(scenario);
        }
        Trial running = null;
        for (int round = 0; round < MAX_RUNS_PER_SCENARIO; round++) {
            for (KillScenario scenario : scenarios) {
                if (running != null && running.scenario() == scenario) {
                    finish(running); // its repository is the one the next trial of this scenario works on
                    running = null;
                }
                if (kills.getOrDefault(scenario.name(), 0) >= KILLS_PER_SCENARIO) {
                    continue;
                }
                Trial next = start(scenario);
                if (running != null) {
                    finish(running);
                }
                running = next;
            }
        }
        if (running != null) {
            finish(running);
        }
        String summary = "kill -9 harness, seed " + SEED + ", " + (System.nanoTime() - started) / 1_000_000_000
                + " s: kills " + kills + " in runs " + runs + "; where they landed " + phases
                + "; work windows (ms after the marker) " + window;
        reporter.publishEntry("kill -9 harness", summary);
        System.out.println(summary); // the harness's report: surefire keeps it with the test's results
        assertThat(kills.values().stream().mapToInt(Integer::intValue).sum()).as(summary)
                .isGreaterThanOrEqualTo(Math.min(67, 4 * KILLS_PER_SCENARIO));
    }

    private Trial start(KillScenario scenario) throws Exception {
        int trial = runs.merge(scenario.name(), 1, Integer::sum);
        String marker = scenario.marker(trial);
        long delay = (long) (random.nextDouble() * window.get(windowOf(scenario, trial)));
        Path work = scenario.prepare(trial);
        String context = "seed " + SEED + ", " + scenario.name() + " trial " + trial + ", kill " + delay
                + " ms after '" + marker.trim() + "'";
        return new Trial(scenario, trial, work, context, KillableRun.start(work, marker, delay,
                scenario.command(trial)));
    }

    private void finish(Trial trial) throws Exception {
        KillScenario scenario = trial.scenario();
        KillableRun.Outcome outcome = trial.run().outcome();
        assertThat(outcome.killed() || outcome.exitCode() == 0).as(trial.context() + "\n" + outcome.log()).isTrue();
        String phase = scenario.phase(trial.work(), trial.number(), outcome);
        scenario.recoverAndCheck(trial.work(), trial.number(), phase, trial.context() + " (" + phase + ")");
        phases.computeIfAbsent(scenario.name(), k -> new TreeMap<>()).merge(phase, 1, Integer::sum);
        if (outcome.killed()) {
            kills.merge(scenario.name(), 1, Integer::sum);
        } else {
            window.put(windowOf(scenario, trial.number()), Math.max(20, outcome.workMillis())); // quicker: aim earlier
        }
    }

    /**
     * Measures how long the work takes after each marker when nothing kills it (trials 0 and -1, which are checked
     * like the others).
     */
    private void calibrate(KillScenario scenario) throws Exception {
        for (int trial = 0; trial >= -1; trial--) {
            String key = windowOf(scenario, trial);
            if (window.containsKey(key)) {
                continue;
            }
            Path work = scenario.prepare(trial);
            KillableRun.Outcome outcome = KillableRun.unkilled(work, scenario.marker(trial), scenario.command(trial))
                    .outcome();
            assertThat(outcome.exitCode()).as(key + " unkilled\n" + outcome.log()).isZero();
            assertThat(outcome.marked()).as(key + ": marker in\n" + outcome.log()).isTrue();
            scenario.recoverAndCheck(work, trial, "ended before the kill", "seed " + SEED + ", " + key
                    + " calibration");
            window.put(key, Math.max(20, outcome.workMillis()));
        }
    }

    private static String windowOf(KillScenario scenario, int trial) {
        return scenario.name() + " after '" + scenario.marker(trial).trim() + "'";
    }

    /** A trial whose child runs (or ran). */
    private record Trial(KillScenario scenario, int number, Path work, String context, KillableRun run) {
    }
}
