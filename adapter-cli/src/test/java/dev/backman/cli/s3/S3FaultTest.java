package dev.backman.cli.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.cli.Cli;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An S3 repository when the server or the network fails. */
class S3FaultTest {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final S3Server server = new S3Server();

    @TempDir
    Path dir;
    Cli cli;
    String bucket;
    FaultProxy proxy;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        byte[] large = new byte[17 * MIB]; // four parts of 5 MiB: a multipart upload
        new Random(42).nextBytes(large);
        Files.write(dir.resolve("project/large.bin"), large);
        bucket = server.newBucket();
        proxy = new FaultProxy(server.port());
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        server.useCredentials(S3Server.SECRET_KEY);
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", server.port())) {
            // running
        } catch (IOException e) {
            server.start();
        }
    }

    @Test
    void serverStoppedDuringAMultipartUploadFailsTheBackupCleanlyAndARetrySucceeds() throws Exception {
        config(proxy.port(), "max_attempts: 2");
        proxy.onRequest(line -> line.contains("partNumber=2"), () -> {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Cli.Result failed = cli.run("backup", "--id", "b1", "--format", "tar");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(failed.err()).contains("cannot reach endpoint http://127.0.0.1:" + proxy.port());
        server.start();
        assertThat(server.keys(bucket, "repo/archives/")).isEmpty();
        assertThat(server.keys(bucket, "repo/manifests/")).isEmpty();
        assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads())
                .as("the upload that was cut off").isNotEmpty();
        JsonNode afterFailure = cli.run("--json", "list").json();
        assertThat(afterFailure).allSatisfy(b -> assertThat(b.get("status").asText()).isNotEqualTo("completed"));

        Cli.Result retry = cli.run("--json", "backup", "--id", "b2", "--format", "tar");

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads())
                .as("aborted by the next run").isEmpty();
        JsonNode list = cli.run("--json", "list").json();
        assertThat(list).extracting(b -> b.get("backup_id").asText() + " " + b.get("status").asText())
                .containsExactly("b1 failed", "b2 completed");
        assertThat(server.keys(bucket, "repo/archives/")).containsExactly("repo/archives/b2.tar");
        assertThat(cli.run("restore", "b2", "--target", "out").exitCode()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));
    }

    @Test
    void oneRequestInFiveFailingIsAbsorbedByRetries() throws IOException {
        config(proxy.port(), "max_attempts: 5");
        proxy.failEvery(5); // alternately HTTP 500 and a connection reset

        Cli.Result backup = cli.run("backup", "--id", "b1", "--format", "tar");
        Cli.Result verify = cli.run("verify", "b1");
        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));
        assertThat(proxy.failures()).as("faults injected").isGreaterThanOrEqualTo(4);
    }

    @Test
    void wrongCredentialsAreAClearFailure() throws IOException {
        config(server.port(), "max_attempts: 2");
        server.useCredentials("not-the-secret");

        Cli.Result init = cli.run("init");

        assertThat(init.exitCode()).as(init.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(init.err()).contains("access denied to s3://" + bucket + "/repo").contains("check AWS credentials");
        assertThat(server.keys(bucket, "")).isEmpty();
    }

    @Test
    void missingBucketIsAClearFailure() throws IOException {
        config(server.port(), "max_attempts: 2");

        Cli.Result init = cli.run("-r", "s3://no-such-bucket/repo", "init");

        assertThat(init.exitCode()).as(init.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(init.err()).contains("bucket no-such-bucket does not exist");
    }

    @Test
    void malformedS3SettingsAreConfigurationErrorsNamingTheKey() throws IOException {
        config(server.port(), "part_size_mb: 2");

        Cli.Result result = cli.run("backup");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("invalid s3.part_size_mb");
        assertThat(server.keys(bucket, "")).isEmpty();
    }

    private void config(int port, String extra) throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nbackup_location: s3://" + bucket
                + "/repo\ns3: {endpoint: \"http://127.0.0.1:" + port + "\", path_style: true, part_size_mb: 5, "
                + extra + "}\n");
    }
}
