package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code retention:} keep rules through the real command line: {@code prune}, its dry run and its JSON. */
class RetentionRulesCliTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void backupsOverSeveralDays() throws IOException {
        cli = new Cli(dir).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        SourceTree.create(dir.resolve("project"));
        // retention runs after every backup: keep everything while making them
        config("retention_days: 0\n");
        backup("d25", "2026-11-25T10:00:00Z");
        backup("d27-morning", "2026-11-27T09:00:00Z");
        backup("d27-evening", "2026-11-27T18:00:00Z");
        backup("d28", "2026-11-28T10:00:00Z");
        config("retention: {keep_last: 1, keep_daily: 2}\n");
    }

    @Test
    void dryRunPrintsATableWithEveryRuleThatKeepsABackupOrWhyItGoes() {
        Cli.Result prune = cli.run("prune", "--dry-run");

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        List<String> lines = prune.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).matches("ID +TIME +TYPE +ACTION +REASONS");
        assertThat(lines.get(1)).matches("d25 +\\S+ \\S+ +full +remove +"
                + "no rule keeps it: beyond keep_last 1; beyond keep_daily 2");
        assertThat(lines.get(2)).matches("d27-morning +\\S+ \\S+ +full +remove +"
                + "no rule keeps it: beyond keep_last 1; a newer backup is the daily 2026-11-27");
        assertThat(lines.get(3)).matches("d27-evening +\\S+ \\S+ +full +keep +daily 2026-11-27");
        assertThat(lines.get(4)).matches("d28 +\\S+ \\S+ +full +keep +"
                + "last 1, daily 2026-11-28, newest completed backup");
        assertThat(lines.get(5)).matches("dry run: would keep 2, remove 2 \\(.+ of archives\\); nothing was removed");
        for (String column : List.of("TIME", "TYPE", "ACTION", "REASONS")) { // each cell starts where its header does
            int start = lines.get(0).indexOf(column);
            assertThat(lines.subList(1, 5)).allSatisfy(line -> {
                assertThat(line.charAt(start - 1)).isEqualTo(' ');
                assertThat(line.charAt(start)).isNotEqualTo(' ');
            });
        }
        assertThat(SourceTree.fileCount(dir.resolve("backups/archives"))).isEqualTo(4);
    }

    @Test
    void dryRunJsonListsKeptBackupsWithTheirReasonsAndRemovedOnesWithTheirSize() {
        Cli.Result prune = cli.run("--json", "prune", "--dry-run");

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        JsonNode report = prune.json();
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(texts(report.get("removed"))).containsExactly("d25", "d27-morning");
        assertThat(report.get("kept")).extracting(k -> k.get("backup_id").asText())
                .containsExactly("d27-evening", "d28");
        assertThat(texts(report.get("kept").get(1).get("reasons")))
                .containsExactly("last 1", "daily 2026-11-28", "newest completed backup");
        JsonNode removals = report.get("removed_backups");
        assertThat(removals).extracting(r -> r.get("backup_id").asText()).containsExactly("d25", "d27-morning");
        assertThat(removals.get(1).get("reason").asText())
                .isEqualTo("no rule keeps it: beyond keep_last 1; a newer backup is the daily 2026-11-27");
        long archives = StreamSupport.stream(removals.spliterator(), false)
                .mapToLong(r -> r.get("archive_size_bytes").asLong()).sum();
        assertThat(archives).isPositive();
        assertThat(report.get("bytes_freed").asLong()).isEqualTo(archives);
        assertThat(report.get("decisions")).hasSize(4);
        assertThat(report.get("decisions").get(0).get("timestamp").asText()).startsWith("2026-11-25T10:00");
        assertThat(cli.run("--json", "list").json()).hasSize(4);
    }

    @Test
    void pruneRemovesWhatNoRuleKeeps() {
        Cli.Result prune = cli.run("prune");

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        assertThat(prune.out()).containsPattern("(?m)^kept 2, removed 2 \\(.+ freed\\)$");
        assertThat(cli.run("--json", "list").json()).extracting(b -> b.get("backup_id").asText())
                .containsExactly("d27-evening", "d28");
        assertThat(SourceTree.fileCount(dir.resolve("backups/archives"))).isEqualTo(2);
    }

    @Test
    void ancestorsOfAKeptIncrementalStayAndSaySo() throws IOException {
        config("retention_days: 0\n");
        Files.writeString(dir.resolve("project/a.txt"), "changed\n");
        backupIncremental("inc", "2026-11-29T08:00:00Z"); // builds on d28
        config("retention: {keep_last: 1}\n");

        Cli.Result prune = cli.run("prune", "--dry-run");

        assertThat(prune.out()).containsPattern("(?m)^d28 .* keep +needed by inc \\(same chain\\)$")
                .containsPattern("(?m)^inc .* incremental +keep +last 1, newest completed backup$");
    }

    private void backup(String id, String at) {
        Cli.Result result = cli.withClock(Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
                .run("backup", "--id", id, "--full");
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private void backupIncremental(String id, String at) {
        Cli.Result result = cli.withClock(Clock.fixed(Instant.parse(at), ZoneOffset.UTC)).run("backup", "--id", id);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private void config(String retention) throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\n" + retention);
    }

    private static List<String> texts(JsonNode array) {
        return Arrays.asList(StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .toArray(String[]::new));
    }
}
