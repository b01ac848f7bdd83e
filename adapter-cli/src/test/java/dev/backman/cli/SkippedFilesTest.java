package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkippedFilesTest {
    @TempDir
    Path dir;
    Cli cli;
    Path project;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
        project = SourceTree.create(dir.resolve("project"));
    }

    @Test
    void filesOverTheSizeLimitAreReportedButTheBackupSucceeds() throws IOException {
        Files.write(project.resolve("big.bin"), new byte[2 * 1024 * 1024]);

        Cli.Result result = cli.run("--json", "backup", "project", "--max-file-size-mb", "1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode skipped = result.json().get("skipped_files");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).get("path").asText()).endsWith("big.bin");
        assertThat(skipped.get(0).get("reason").asText()).contains("max_file_size_mb");
    }

    @Test
    void fileThatCannotBeReadMakesTheBackupExitWithFourAndIsListedOnStderr() throws Exception {
        Path fifo = project.resolve("pipe");
        assumeTrue(makeFifo(fifo), "mkfifo is not available");

        Cli.Result result = cli.run("--json", "backup", "project");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNREADABLE_FILES);
        assertThat(result.json().get("status").asText()).isEqualTo("completed");
        assertThat(result.err()).contains("could not be read").contains(fifo.toString());
    }

    private static boolean makeFifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
