package dev.backman.cli.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.backman.cli.Cli;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The write lock of an S3 repository: lock records under {@code locks/}. */
class S3LockTest {
    @RegisterExtension
    static final S3Server server = new S3Server();

    @TempDir
    Path dir;
    Cli cli;
    String bucket;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        bucket = server.newBucket();
        Files.writeString(dir.resolve("backman.yaml"), server.repositoryConfig(bucket));
        assertThat(cli.run("init").exitCode()).isZero();
    }

    @Test
    void aWriterOnAnotherMachineIsWaitedForAndNamed() throws Exception {
        putRecord("repo/locks/other-host-4242-0000.json", "other-host", 4242);

        Cli.Result refused = cli.run("backup", "--id", "b1");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("is locked by pid 4242 on other-host (backup since 2026-01-01T00:00Z)")
                .contains("a writer on another machine").contains("unlock --force");
        assertThat(server.keys(bucket, "repo/locks/")).containsExactly("repo/locks/other-host-4242-0000.json");

        CompletableFuture<Cli.Result> waiting = CompletableFuture.supplyAsync(
                () -> cli.run("--lock-wait", "30s", "backup", "--id", "b2"));
        Thread.sleep(700);
        assertThat(waiting).isNotDone();
        server.client().deleteObject(b -> b.bucket(bucket).key("repo/locks/other-host-4242-0000.json"));

        Cli.Result waited = waiting.get(30, TimeUnit.SECONDS);
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(server.keys(bucket, "repo/locks/")).isEmpty();
    }

    @Test
    void theRecordOfAProcessOfThisMachineThatEndedIsRemoved() throws Exception {
        Path hostname = Path.of("/proc/sys/kernel/hostname");
        assumeThat(Files.isReadable(hostname)).as("Linux names the host in /proc").isTrue();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        putRecord("repo/locks/dead-" + ended.pid() + ".json", Files.readString(hostname).trim(), ended.pid());

        Cli.Result backup = cli.run("backup", "--id", "b1");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(server.keys(bucket, "repo/locks/")).isEmpty();
    }

    @Test
    void unlockForceRemovesRecordsLeftBehind() throws Exception {
        putRecord("repo/locks/other-host-4242-0000.json", "other-host", 4242);

        Cli.Result withoutForce = cli.run("unlock");
        Cli.Result unlock = cli.run("unlock", "--force");

        assertThat(withoutForce.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unlock.exitCode()).as(unlock.toString()).isZero();
        assertThat(unlock.out()).contains("removed the lock of pid 4242 on other-host");
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
    }

    private void putRecord(String key, String host, long pid) {
        String json = "{\"host\":\"" + host + "\",\"pid\":" + pid + ",\"operation\":\"backup\","
                + "\"since\":\"2026-01-01T00:00Z\"}";
        server.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(json));
    }
}
