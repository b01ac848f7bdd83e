package dev.backman.cli.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backman.cli.Cli;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Format versions of a repository in S3: a newer one refused by readers too, an older one upgraded in place. */
class S3RepositoryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final S3Server server = new S3Server();

    @TempDir
    Path dir;
    Cli cli;
    String bucket;

    @BeforeEach
    void oneBackupInS3() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        bucket = server.newBucket();
        Files.writeString(dir.resolve("backman.yaml"), server.repositoryConfig(bucket));
        Cli.Result backup = cli.run("backup", "--id", "b1");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
    }

    @Test
    void aNewerFormatFailsListAndStatusWithExitTwo() throws IOException {
        ObjectNode descriptor = object("repo/backman.repo.json");
        descriptor.put("format_version", 99);
        put("repo/backman.repo.json", descriptor);

        Cli.Result list = cli.run("list");
        Cli.Result status = cli.run("status", "b1");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(list.err()).contains("s3://" + bucket + "/repo")
                .contains("repository format 99 is newer than this backman (it reads formats 1..2)");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFormatOneRepositoryInS3IsUpgradedInPlace() throws IOException {
        ObjectNode descriptor = object("repo/backman.repo.json");
        descriptor.put("format_version", 1);
        put("repo/backman.repo.json", descriptor);
        ObjectNode manifest = object("repo/manifests/b1.json");
        manifest.remove("repository_id");
        put("repo/manifests/b1.json", manifest);

        Cli.Result upgrade = cli.run("--json", "repo", "upgrade");
        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(upgrade.json().get("manifests_rewritten").asInt()).isEqualTo(1);
        assertThat(object("repo/backman.repo.json").get("format_version").asInt()).isEqualTo(2);
        assertThat(object("repo/manifests/b1.json").get("repository_id").asText())
                .isEqualTo(descriptor.get("repository_id").asText());
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));
    }

    private ObjectNode object(String key) throws IOException {
        JsonNode tree = JSON.readTree(server.client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        return (ObjectNode) tree;
    }

    private void put(String key, JsonNode document) throws IOException {
        server.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(JSON.writeValueAsBytes(document)));
    }
}
