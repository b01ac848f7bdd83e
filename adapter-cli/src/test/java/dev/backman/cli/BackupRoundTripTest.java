package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRoundTripTest {
    private static final List<String> SPEC_FIELDS = List.of("backup_id", "timestamp", "source_paths", "total_files",
            "total_size_bytes", "checksum", "compression_type", "status", "duration_seconds", "error_message",
            "backup_type", "parent_id", "archive_size_bytes", "stored_files", "skipped_files", "encrypted",
            "replicas");

    @TempDir
    Path dir;
    Cli cli;
    Path source;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
        source = SourceTree.create(dir.resolve("project"));
    }

    @Test
    void backupListStatusRestoreVerifyRoundTripRestoresTheSameTree() {
        Cli.Result backup = cli.run("backup", "project", "--id", "first");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.out()).contains("backup first completed (full)");

        Cli.Result list = cli.run("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("ID").contains("STATUS").contains("first").contains("completed");

        Cli.Result status = cli.run("status", "first");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("status:").containsPattern("status:\\s+completed")
                .containsPattern("total_files:\\s+3");

        Cli.Result restore = cli.run("restore", "first", "--target", "out");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(source));

        Cli.Result verify = cli.run("verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("ok").contains("first");
    }

    @Test
    void secondBackupOfAnUnchangedTreeIsAnIncrementalThatStoresNothingAndRestoresTheSameTree() {
        assertThat(cli.run("backup", "project", "--id", "first").exitCode()).isZero();

        Cli.Result second = cli.run("--json", "backup", "project", "--id", "second");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        JsonNode metadata = second.json();
        assertThat(metadata.get("backup_type").asText()).isEqualTo("incremental");
        assertThat(metadata.get("parent_id").asText()).isEqualTo("first");
        assertThat(metadata.get("stored_files").asLong()).isZero();
        assertThat(metadata.get("total_files").asLong()).isEqualTo(3);
        Cli.Result restore = cli.run("restore", "second", "--target", "out");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(source));

        Cli.Result third = cli.run("backup", "project", "--id", "third");
        assertThat(third.out()).contains("backup third completed (incremental, parent second)")
                .contains("3 (").contains("0 new, 0 changed, 3 unchanged").contains("holding 0 file(s)");
        assertThat(cli.run("list").out()).containsPattern("(?m)^ID\\s+TIME\\s+TYPE\\s")
                .containsPattern("(?m)^first\\s.*\\sfull\\s").containsPattern("(?m)^third\\s.*\\sincremental\\s");
    }

    @Test
    void jsonOutputIsOnlyJsonWithTheSpecFieldNames() {
        Cli.Result backup = cli.run("--json", "backup", "project", "--id", "b1");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        JsonNode metadata = backup.json();
        assertThat(fieldNames(metadata)).containsAll(SPEC_FIELDS);
        assertThat(metadata.get("backup_id").asText()).isEqualTo("b1");
        assertThat(metadata.get("status").asText()).isEqualTo("completed");
        assertThat(metadata.get("backup_type").asText()).isEqualTo("full");
        assertThat(metadata.get("compression_type").asText()).isEqualTo("zip");
        assertThat(metadata.get("total_files").asLong()).isEqualTo(3);
        assertThat(metadata.get("source_paths").get(0).asText()).isEqualTo(source.toString());
        assertThat(OffsetDateTime.parse(metadata.get("timestamp").asText())).isNotNull();

        assertThat(cli.run("backup", "project", "--id", "b2", "--json").exitCode()).isZero();

        Cli.Result list = cli.run("list", "--json");
        JsonNode array = list.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array).extracting(node -> node.get("backup_id").asText()).containsExactly("b1", "b2");

        JsonNode status = cli.run("--json", "status", "b2").json();
        assertThat(fieldNames(status)).containsAll(SPEC_FIELDS);
        assertThat(status.get("backup_id").asText()).isEqualTo("b2");

        JsonNode verify = cli.run("--json", "verify", "b1").json();
        assertThat(verify.get("ok").asBoolean()).isTrue();
        assertThat(verify.get("backups").get(0).get("backup_id").asText()).isEqualTo("b1");
        assertThat(verify.get("backups").get(0).get("files_checked").asLong()).isEqualTo(3);
        assertThat(verify.get("backups").get(0).get("problems")).isEmpty();
    }

    @Test
    void restoreWithoutTargetPutsFilesBackAtTheirSourcePath() throws Exception {
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();
        var before = SourceTree.read(source);
        Files.delete(source.resolve("sub/b.txt"));

        Cli.Result restore = cli.run("restore", "b1");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(source)).isEqualTo(before);
    }

    @Test
    void initCreatesTheRepositoryAndReportsItsId() {
        Cli.Result init = cli.run("init", "--json");

        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.json().get("repository_id").asText()).isNotBlank();
        assertThat(init.json().get("location").asText()).isEqualTo(dir.resolve("backups").toString());
        assertThat(dir.resolve("backups/backman.repo.json")).exists();
        assertThat(cli.run("list", "--json").json()).isEmpty();
    }

    @Test
    void dryRunWritesNothingNotEvenANewRepository() {
        Cli.Result dryRun = cli.run("backup", "project", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("would back up 3 files");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void dryRunInAnExistingRepositoryAddsNoBackup() {
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();

        Cli.Result dryRun = cli.run("--json", "backup", "project", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.json().get("total_files").asLong()).isEqualTo(3);
        assertThat(cli.run("list", "--json").json()).hasSize(1);
        assertThat(SourceTree.fileCount(dir.resolve("backups/archives"))).isEqualTo(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
