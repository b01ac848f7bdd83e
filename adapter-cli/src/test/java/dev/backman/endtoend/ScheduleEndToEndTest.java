package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.cli.ChildJvm;
import dev.backman.cli.Cli;
import dev.backman.cli.Main;
import dev.backman.cli.SourceTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code backman schedule --every 1s} in a child JVM, in real time: it makes backups until SIGTERM, then
 * stops cleanly (exit 0) with every backup completed and nothing half-written.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScheduleEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everySecondMakesBackupsUntilSigtermThenExitsZeroLeavingNothingPartial() throws Exception {
        SourceTree.create(dir.resolve("project"));
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\ncompression_type: tar.zst\n");
        Path err = dir.resolve("schedule.err");
        Process process = ChildJvm.of(dir, Main.class, List.of("--json", "schedule", "--every", "1s"))
                .redirectError(err.toFile()).start();
        List<JsonNode> runs = new CopyOnWriteArrayList<>();
        CountDownLatch threeCompleted = new CountDownLatch(3);
        Thread reader = new Thread(() -> readRuns(process, runs, threeCompleted), "schedule-stdout");
        reader.start();
        try {
            assertThat(threeCompleted.await(20, TimeUnit.SECONDS))
                    .as("three completed runs; stderr: %s", errText(err)).isTrue();
        } finally {
            // SIGTERM, as Process.destroy() sends, but through the handle: Process.destroy() also closes our end
            // of stdout, and the line of a run that SIGTERM lets finish would be lost
            process.toHandle().destroy();
        }

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops after SIGTERM").isTrue();
        reader.join(10_000);
        assertThat(process.exitValue()).as("exit code; stderr: %s", errText(err)).isZero();
        assertThat(errText(err)).contains("schedule every 1s").contains("schedule stopped");
        assertThat(runs).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(run -> assertThat(run.get("status").asText()).isEqualTo("completed"));

        Cli.Result list = new Cli(dir).run("--json", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        JsonNode backups = list.json();
        assertThat(backups.size()).isEqualTo(runs.size()); // a run cut by SIGTERM finished and was reported
        backups.forEach(b -> assertThat(b.get("status").asText()).isEqualTo("completed"));
        assertThat(filesIn(dir.resolve("backups/archives"))).hasSize(runs.size());
        assertThat(filesIn(dir.resolve("backups/manifests"))).hasSize(runs.size());
        assertThat(filesIn(dir.resolve("backups/tmp"))).isEmpty();
        assertThat(filesIn(dir.resolve("backups/locks"))).noneMatch(name -> name.endsWith(".json"));
    }

    private static void readRuns(Process process, List<JsonNode> runs, CountDownLatch completed) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode run = JSON.readTree(line); // every line on stdout is one JSON object
                runs.add(run);
                if (run.get("status").asText().equals("completed")) {
                    completed.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> filesIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static String errText(Path err) {
        try {
            return Files.exists(err) ? Files.readString(err) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
