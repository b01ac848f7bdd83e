package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockContentionTest {
    @TempDir
    Path dir;
    Process holder;

    @AfterEach
    void stopHolder() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    @Test
    void backupFailsNamingTheHoldersPidAndSucceedsWithLockWaitOnceItEnds() throws Exception {
        Cli cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        assertThat(cli.run("init").exitCode()).isZero();
        holder = startHolder(dir.resolve("backups"));

        Cli.Result refused = cli.run("backup", "project");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("locked").contains("pid " + holder.pid());

        CompletableFuture<Cli.Result> waiting = CompletableFuture.supplyAsync(
                () -> cli.run("--lock-wait", "60s", "backup", "project", "--id", "after-wait"));
        Thread.sleep(300); // let the backup start waiting
        assertThat(waiting).isNotDone();
        holder.getOutputStream().close(); // the holder releases the lock and exits
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Cli.Result waited = waiting.get(60, TimeUnit.SECONDS);
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.out()).contains("after-wait");
    }

    private static Process startHolder(Path repository) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), repository.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the holder has the lock").isEqualTo("locked");
        return process;
    }
}
