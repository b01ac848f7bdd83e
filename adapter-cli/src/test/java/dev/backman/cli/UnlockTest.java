package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock of a local repository against writers that die: a writer killed with SIGKILL leaves its record behind,
 * the next writer takes the lock over (and says so with -v), {@code unlock --force} removes such records and names
 * them, and refuses to break the lock of a live process.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnlockTest {
    private static final Path HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    @TempDir
    Path dir;
    Cli cli;
    Process holder;

    @BeforeEach
    void createRepository() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        assertThat(cli.run("init").exitCode()).isZero();
    }

    @AfterEach
    void stopHolder() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    @Test
    void theNextWriterTakesOverTheLockOfAWriterKilledWithSigkillAndSaysSoWithVerbose() throws Exception {
        Path record = killedHolder();

        Cli.Result backup = ChildJvm.backman(dir, "-v", "backup", "project", "--id", "after-kill");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.err()).contains("took over the lock of " + dir.resolve("backups"))
                .contains("pid " + holder.pid() + " on host ");
        assertThat(record).doesNotExist();
    }

    @Test
    void unlockForceRemovesTheRecordsOfDeadWritersAndSaysWhoseTheyWere() throws Exception {
        killedHolder();

        Cli.Result json = cli.run("--json", "unlock", "--force");
        Cli.Result again = cli.run("unlock", "--force");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.json().get("removed")).singleElement().satisfies(removed -> assertThat(removed.asText())
                .startsWith("pid " + holder.pid() + " on host ").contains("test-holder since"));
        assertThat(again.out()).contains("no lock records to remove");
        try (var files = Files.list(dir.resolve("backups/locks"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("repository.lock");
        }
    }

    @Test
    void unlockForceNamesTheRecordItRemovesInHumanOutput() throws Exception {
        assumeThat(Files.isReadable(HOSTNAME)).as("Linux names the host in /proc").isTrue();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Files.writeString(dir.resolve("backups/locks/gone-" + ended.pid() + ".json"), "{\"pid\":" + ended.pid()
                + ",\"host\":\"" + Files.readString(HOSTNAME).trim() + "\",\"operation\":\"prune\","
                + "\"since\":\"2026-01-01T00:00:00Z\"}");

        Cli.Result unlock = cli.run("unlock", "--force");

        assertThat(unlock.exitCode()).as(unlock.toString()).isZero();
        assertThat(unlock.out()).contains("removed the lock of pid " + ended.pid() + " on host ")
                .contains("prune since 2026-01-01T00:00:00Z");
    }

    @Test
    void unlockForceCannotBreakTheLockOfALiveProcessAndSaysSo() throws Exception {
        holder = startHolder();

        Cli.Result unlock = cli.run("unlock", "--force");

        assertThat(unlock.exitCode()).as(unlock.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unlock.err()).contains("pid " + holder.pid()).contains("unlock cannot break");
        assertThat(holder.isAlive()).isTrue();
        assertThat(cli.run("backup", "project").exitCode()).as("the holder keeps the lock")
                .isEqualTo(ExitCodes.FAILURE);
    }

    /** A holder that took the lock and was killed with SIGKILL; returns the record it left behind. */
    private Path killedHolder() throws Exception {
        holder = startHolder();
        Path record;
        try (var files = Files.list(dir.resolve("backups/locks"))) {
            record = files.filter(p -> p.getFileName().toString().endsWith("-" + holder.pid() + ".json"))
                    .findFirst().orElseThrow();
        }
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(record).as("a killed writer leaves its record").exists();
        return record;
    }

    private Process startHolder() throws Exception {
        Process process = ChildJvm.of(dir, LockHolderMain.class, List.of(dir.resolve("backups").toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the holder has the lock").isEqualTo("locked");
        return process;
    }
}
