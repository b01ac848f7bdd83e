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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command on a repository whose primary is S3 ({@code s3://bucket/prefix}), against S3Proxy. */
class S3RepositoryTest {
    @RegisterExtension
    static final S3Server server = new S3Server();

    @TempDir
    Path dir;
    Cli cli;
    String bucket;
    String repo;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        bucket = server.newBucket();
        repo = "s3://" + bucket + "/team/repo";
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nbackup_location: " + repo + "\n"
                + "retention_days: 30\n" + server.s3Block());
    }

    @Test
    void everyCommandWorksOnAnS3Repository() throws IOException {
        Cli.Result init = cli.run("init");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("ready at " + repo);

        Cli.Result backup = cli.run("--json", "backup", "--id", "b1", "--format", "tar.zst");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.json().get("status").asText()).isEqualTo("completed");
        assertThat(server.keys(bucket, "team/repo/")).containsExactly("team/repo/archives/b1.tar.zst",
                "team/repo/backman.repo.json", "team/repo/manifests/b1.json");

        Files.writeString(dir.resolve("project/a.txt"), "changed\n");
        Cli.Result second = cli.run("--json", "backup", "--id", "b2", "--format", "tar.zst");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.json().get("backup_type").asText()).isEqualTo("incremental");

        JsonNode list = cli.run("--json", "list").json();
        assertThat(list).extracting(b -> b.get("backup_id").asText()).containsExactly("b1", "b2");
        Cli.Result status = cli.run("status", "b2");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("parent_id:          b1");

        Cli.Result verify = cli.run("--json", "verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();

        Cli.Result restore = cli.run("restore", "b2", "--target", "out");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));

        Cli.Result export = cli.run("export", "b2", "-o", "b2.tar");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(dir.resolve("b2.tar")).isNotEmptyFile();

        Cli.Result rebuild = cli.run("catalog", "rebuild");
        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(rebuild.out()).contains("2 backups");
        assertThat(cli.run("--json", "list").json()).hasSize(2);

        Cli.Result prune = cli.run("prune");
        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        assertThat(prune.out()).containsPattern("(?m)^b2 .* keep +younger than retention_days")
                .contains("kept 2, removed 0");
        assertThat(server.keys(bucket, "team/repo/locks/")).as("no lock record is left behind").isEmpty();
    }

    @Test
    void downloadThreadsReadALargeArchiveAsParallelRangesAndRestoreIt() throws IOException {
        byte[] random = new byte[21 * 1024 * 1024]; // three 8 MiB ranges, the last one short
        new java.util.Random(5).nextBytes(random);
        Files.write(dir.resolve("project/large.bin"), random);
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nbackup_location: " + repo + "\n"
                + "s3: {endpoint: \"http://127.0.0.1:" + server.port() + "\", path_style: true, part_size_mb: 5,"
                + " download_threads: 3}\n");
        Cli.Result backup = cli.run("backup", "--id", "big", "--format", "tar");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();

        Cli.Result restore = cli.run("restore", "big", "--target", "out");
        Cli.Result verify = cli.run("verify", "big");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out/project/large.bin"))).isEqualTo(random);
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    void catalogLivesInThePerUserDataDirectoryNamedAfterTheRepositoryId() throws IOException {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();

        String id = server.client().getObjectAsBytes(b -> b.bucket(bucket).key("team/repo/backman.repo.json"))
                .asUtf8String().replaceAll("(?s).*\"repository_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(server.dataDir().resolve("catalogs/" + id + ".db")).isNotEmptyFile();
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void catalogPathOverridesThePerUserCatalog() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "catalog_path: state/catalog.db\n", 
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();

        assertThat(dir.resolve("state/catalog.db")).isNotEmptyFile();
        assertThat(cli.run("status", "b1").exitCode()).isZero();
    }

    @Test
    void pruneRemovesExpiredBackupsFromTheBucket() {
        Cli past = cli.withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-60)));
        assertThat(past.run("backup", "--id", "old", "--full").exitCode()).isZero();
        assertThat(cli.run("backup", "--id", "new", "--full").exitCode()).isZero();

        assertThat(server.keys(bucket, "team/repo/archives/")).containsExactly("team/repo/archives/new.zip");
        assertThat(server.keys(bucket, "team/repo/manifests/")).containsExactly("team/repo/manifests/new.json");
    }

    @Test
    void readingCommandsRefuseAMissingRepositoryAndCreateNothing() {
        Cli.Result list = cli.run("list");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(list.err()).contains("no backman repository");
        assertThat(server.keys(bucket, "")).isEmpty();
    }

    @Test
    void repoOptionSelectsS3() {
        Cli plain = new Cli(dir);
        Cli.Result backup = plain.run("-c", "backman.yaml", "-r", "s3://" + bucket + "/other", "backup", "--id", "x");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(server.keys(bucket, "other/manifests/")).containsExactly("other/manifests/x.json");
    }
}
