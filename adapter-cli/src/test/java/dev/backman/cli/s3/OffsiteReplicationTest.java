package dev.backman.cli.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.cli.Cli;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Offsite copies (3-2-1) of a local repository: to S3 and to another directory. */
class OffsiteReplicationTest {
    @RegisterExtension
    static final S3Server server = new S3Server();

    @TempDir
    Path dir;
    Cli cli;
    String bucket;
    String offsite;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        bucket = server.newBucket();
        offsite = "s3://" + bucket + "/offsite";
        config(server.s3Block());
    }

    @AfterEach
    void serverRuns() throws Exception {
        if (server.port() > 0 && !reachable()) {
            server.start();
        }
    }

    @Test
    void everyOffsiteLocationGetsAVerifiedCopyOfEachBackup() throws IOException {
        Cli.Result backup = cli.run("--json", "backup", "--id", "b1");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(replicas(backup.json())).containsExactly(
                Map.entry(offsite, "verified"), Map.entry(dir.resolve("second-copy").toString(), "verified"));
        assertThat(server.keys(bucket, "offsite/")).containsExactly("offsite/archives/b1.zip",
                "offsite/backman.repo.json", "offsite/manifests/b1.json");
        byte[] archive = Files.readAllBytes(dir.resolve("backups/archives/b1.zip"));
        assertThat(server.client().getObjectAsBytes(b -> b.bucket(bucket).key("offsite/archives/b1.zip"))
                .asByteArray()).isEqualTo(archive);
        assertThat(dir.resolve("second-copy/archives/b1.zip")).hasBinaryContent(archive);
        assertThat(dir.resolve("second-copy/manifests/b1.json"))
                .hasSameBinaryContentAs(dir.resolve("backups/manifests/b1.json"));
        Cli.Result status = cli.run("status", "b1");
        assertThat(status.out()).contains("replicas:").contains(offsite + " (verified)");
    }

    @Test
    void unreachableOffsiteLeavesThePendingCopyForTheNextBackup() throws Exception {
        server.stop();
        Cli.Result first = cli.run("--json", "backup", "--id", "b1");
        Cli.Result second = cli.run("--json", "backup", "--id", "b2");
        server.start();

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.json().get("status").asText()).isEqualTo("completed");
        assertThat(replicas(first.json())).containsEntry(offsite, "pending")
                .containsEntry(dir.resolve("second-copy").toString(), "verified");
        assertThat(first.err()).contains("warning: offsite " + offsite + " could not be updated")
                .contains("backman replicate");
        assertThat(replicas(second.json())).containsEntry(offsite, "pending");

        Cli.Result third = cli.run("--json", "backup", "--id", "b3");

        assertThat(third.exitCode()).as(third.toString()).isZero();
        for (JsonNode backup : cli.run("--json", "list").json()) {
            assertThat(replicas(backup)).as(backup.get("backup_id").asText()).containsEntry(offsite, "verified");
        }
        assertThat(server.keys(bucket, "offsite/manifests/")).hasSize(3);
    }

    @Test
    void replicateCatchesUpAndReportsWhatItCopied() throws Exception {
        server.stop();
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();

        Cli.Result stillDown = cli.run("replicate");
        assertThat(stillDown.exitCode()).as(stillDown.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stillDown.out()).contains("b1 → " + offsite + ": pending");

        server.start();
        Cli.Result replicate = cli.run("--json", "replicate");

        assertThat(replicate.exitCode()).as(replicate.toString()).isZero();
        JsonNode report = replicate.json();
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("replicas")).hasSize(1);
        assertThat(report.get("replicas").get(0).get("status").asText()).isEqualTo("verified");
        assertThat(replicas(cli.run("--json", "status", "b1").json())).containsEntry(offsite, "verified");
        assertThat(cli.run("--json", "replicate").json().get("replicas")).isEmpty();
    }

    @Test
    void retentionRemovesBackupsFromEveryOffsiteLocation() throws IOException {
        Cli past = cli.withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-60)));
        assertThat(past.run("backup", "--id", "old").exitCode()).isZero();
        assertThat(server.keys(bucket, "offsite/manifests/")).containsExactly("offsite/manifests/old.json");

        assertThat(cli.run("backup", "--id", "new", "--full").exitCode()).isZero();

        assertThat(server.keys(bucket, "offsite/archives/")).containsExactly("offsite/archives/new.zip");
        assertThat(server.keys(bucket, "offsite/manifests/")).containsExactly("offsite/manifests/new.json");
        assertThat(dir.resolve("second-copy/archives/old.zip")).doesNotExist();
        assertThat(dir.resolve("second-copy/archives/new.zip")).exists();
    }

    @Test
    void restoreFallsBackToAReplicaWhenTheRepositoryArchiveIsMissing() throws IOException {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
        Files.delete(dir.resolve("backups/archives/b1.zip"));
        Files.delete(dir.resolve("second-copy/archives/b1.zip"));

        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.err()).contains("archive is missing")
                .contains("reading it from the offsite replica at " + offsite);
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));
    }

    @Test
    void restoreFallsBackToAReplicaWhenTheRepositoryArchiveIsDamaged() throws IOException {
        assertThat(cli.run("backup", "--id", "b1", "--format", "tar").exitCode()).isZero();
        Path archive = dir.resolve("backups/archives/b1.tar");
        byte[] bytes = Files.readAllBytes(archive);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("hello backman");
        bytes[at] = 'J';
        Files.write(archive, bytes);

        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.err()).contains("is damaged").contains("does not match its SHA-256")
                .contains("reading it from the offsite replica at " + offsite);
        assertThat(dir.resolve("out/project/a.txt")).hasContent("hello backman");
    }

    @Test
    void restoreWithoutAnyGoodCopyFailsWithTheRepositorysProblem() throws IOException {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
        Files.delete(dir.resolve("backups/archives/b1.zip"));
        Files.delete(dir.resolve("second-copy/archives/b1.zip"));
        server.client().deleteObject(b -> b.bucket(bucket).key("offsite/archives/b1.zip"));

        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("cannot be used either")
                .contains("backman: backup b1 is damaged: archives/b1.zip: archive is missing from the repository");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void disasterRecoveryRestoresFromTheS3CopyAlone() throws IOException {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
        Files.writeString(dir.resolve("project/a.txt"), "changed after b1\n");
        Files.writeString(dir.resolve("project/sub/new.txt"), "new in b2\n");
        assertThat(cli.run("backup", "--id", "b2").exitCode()).isZero();
        Map<String, String> original = SourceTree.read(dir.resolve("project"));
        deleteTree(dir.resolve("backups")); // repository and catalog: the machine is lost
        deleteTree(dir.resolve("second-copy"));

        Path elsewhere = Files.createDirectories(dir.resolve("new-machine"));
        Files.writeString(elsewhere.resolve("backman.yaml"), server.s3Block());
        Cli recovering = new Cli(elsewhere);
        Cli.Result rebuild = recovering.run("-r", offsite, "catalog", "rebuild");
        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        JsonNode list = recovering.run("-r", offsite, "--json", "list").json();
        assertThat(list).extracting(b -> b.get("backup_id").asText()).containsExactly("b1", "b2");
        String latest = list.get(list.size() - 1).get("backup_id").asText();
        Cli.Result restore = recovering.run("-r", offsite, "restore", latest, "--target", "restored");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(elsewhere.resolve("restored/project"))).isEqualTo(original);
    }

    private void config(String extra) throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nretention_days: 30\n"
                + "offsite:\n  - location: " + offsite + "\n  - {location: second-copy}\n" + server.s3Block()
                .replace("}", ", max_attempts: 2}") + extra);
    }

    private static Map<String, String> replicas(JsonNode backup) {
        Map<String, String> replicas = new java.util.LinkedHashMap<>();
        for (JsonNode replica : backup.get("replicas")) {
            replicas.put(replica.get("location").asText(), replica.get("status").asText());
        }
        return replicas;
    }

    private boolean reachable() {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }
}
