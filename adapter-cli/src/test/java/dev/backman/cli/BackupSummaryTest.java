package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code backup} reports when it is done: new, changed and unchanged files, storage, dedup, time. */
class BackupSummaryTest {
    @TempDir
    Path dir;
    Cli cli;
    Path project;

    @BeforeEach
    void firstBackup() throws IOException {
        cli = new Cli(dir);
        project = SourceTree.create(dir.resolve("project"));
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\n");
        Cli.Result first = cli.run("backup", "--id", "first");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("backup first completed (full)")
                .contains("  files:    3 (9.8 KiB): 3 new, 0 changed, 0 unchanged")
                .contains("  dedup:    0 B not stored again");
    }

    @Test
    void anIncrementalCountsNewChangedAndUnchangedFilesAndWhatDedupSaved() throws IOException {
        editTree();

        Cli.Result second = cli.run("backup", "--id", "second");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out().lines()).containsExactly(
                "backup second completed (incremental, parent first)",
                "  files:    5 (20 KiB): 2 new, 1 changed, 2 unchanged",
                second.out().lines().filter(l -> l.startsWith("  stored:   ")).findFirst().orElse("no stored line"),
                "  dedup:    20 KiB not stored again (already in the chain, or duplicates)",
                second.out().lines().filter(l -> l.startsWith("  duration: ")).findFirst().orElse("no duration"));
        assertThat(second.out())
                .containsPattern("  stored:   [0-9.]+ K?i?B zip archive, holding 2 file\\(s\\) of 20 B");
    }

    @Test
    void jsonCarriesTheStatisticsBesideTheMetadataFields() throws IOException {
        editTree();

        Cli.Result second = cli.run("--json", "backup", "--id", "second");

        JsonNode json = second.json();
        assertThat(json.get("backup_id").asText()).isEqualTo("second");
        assertThat(json.get("total_files").asLong()).isEqualTo(5);
        assertThat(json.get("new_files").asLong()).isEqualTo(2);
        assertThat(json.get("changed_files").asLong()).isEqualTo(1);
        assertThat(json.get("unchanged_files").asLong()).isEqualTo(2);
        assertThat(json.get("stored_file_bytes").asLong()).isEqualTo(8 + 12);
        assertThat(json.get("dedup_saved_bytes").asLong()).isEqualTo(12 + 10_000 + 10_000);
        assertThat(json.has("metadata")).isFalse();
        // the manifest keeps the metadata fields only
        JsonNode status = cli.run("--json", "status", "second").json();
        assertThat(status.has("new_files")).isFalse();
    }

    @Test
    void quietPrintsNoSummary() throws IOException {
        editTree();

        Cli.Result second = cli.run("-q", "backup", "--id", "second");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEmpty();
    }

    /** a.txt changed, b.txt and c.bin untouched, new.txt new, copy.bin a copy of c.bin (stored already). */
    private void editTree() throws IOException {
        Files.writeString(project.resolve("a.txt"), "changed\n");
        Files.writeString(project.resolve("new.txt"), "a new file!\n");
        Files.copy(project.resolve("sub/deeper/c.bin"), project.resolve("copy.bin"));
    }
}
