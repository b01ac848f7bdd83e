package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void oldAndNewBackup() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        // retention is applied after every backup: keep everything while making them
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nretention_days: 0\n");
        Cli past = cli.withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-60)));
        assertThat(past.run("backup", "--id", "old").exitCode()).isZero();
        assertThat(cli.run("backup", "--id", "new").exitCode()).isZero();
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nretention_days: 30\n");
    }

    @Test
    void dryRunReportsWhatWouldGoAndDeletesNothing() {
        Cli.Result prune = cli.run("prune", "--dry-run", "--json");

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        JsonNode report = prune.json();
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.get("removed")).extracting(JsonNode::asText).containsExactly("old");
        assertThat(report.get("decisions")).hasSize(2);
        JsonNode first = report.get("decisions").get(0);
        assertThat(first.get("backup_id").asText()).isEqualTo("old");
        assertThat(first.get("keep").asBoolean()).isFalse();
        assertThat(first.get("reason").asText()).contains("retention_days");
        assertThat(first.get("reasons")).extracting(JsonNode::asText)
                .containsExactly("no rule keeps it: older than retention_days (30): 60 days old");
        assertThat(first.get("backup_type").asText()).isEqualTo("full");
        assertThat(report.get("kept")).hasSize(1);
        assertThat(report.get("kept").get(0).get("backup_id").asText()).isEqualTo("new");
        assertThat(report.get("kept").get(0).get("reasons")).extracting(JsonNode::asText)
                .containsExactly("younger than retention_days (30)", "newest completed backup");
        JsonNode removal = report.get("removed_backups").get(0);
        assertThat(removal.get("backup_id").asText()).isEqualTo("old");
        assertThat(removal.get("archive_size_bytes").asLong()).isPositive();
        assertThat(report.get("bytes_freed").asLong()).isEqualTo(removal.get("archive_size_bytes").asLong());
        assertThat(SourceTree.fileCount(dir.resolve("backups/archives"))).isEqualTo(2);
        assertThat(SourceTree.fileCount(dir.resolve("backups/manifests"))).isEqualTo(2);
        assertThat(cli.run("list", "--json").json()).hasSize(2);
    }

    @Test
    void pruneRemovesBackupsOlderThanRetention() {
        Cli.Result prune = cli.run("prune");

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        assertThat(prune.out())
                .containsPattern("(?m)^old\\s.*\\sfull\\s+remove\\s+no rule keeps it: older than retention_days")
                .containsPattern("(?m)^new\\s.*\\sfull\\s+keep\\s+younger than retention_days \\(30\\)")
                .containsPattern("(?m)^kept 1, removed 1 \\(.+ freed\\)$");
        JsonNode remaining = cli.run("list", "--json").json();
        assertThat(remaining).extracting(node -> node.get("backup_id").asText()).containsExactly("new");
        assertThat(SourceTree.fileCount(dir.resolve("backups/archives"))).isEqualTo(1);
    }
}
