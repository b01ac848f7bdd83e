package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.progress.ProgressTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Progress bars: on stderr when stdout is a terminal, never with --json, -q or without a terminal. */
class ProgressBarTest {
    private static final ProgressTerminal TERMINAL = () -> true;

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        SourceTree.create(dir.resolve("project"));
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\noffsite: [{location: copy}]\n");
        cli = new Cli(dir).withTerminal(TERMINAL);
    }

    @Test
    void aBackupOnATerminalDrawsItsPhasesOnStderrAndErasesThemBeforeTheSummary() {
        Cli.Result backup = cli.run("backup", "--id", "b1");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.err()).contains("\rscanning", "\rarchiving", "100%", "3/3 files", "\rreplicating");
        assertThat(backup.err()).as("the last bar is erased: the summary starts on a clean line").endsWith("\r");
        assertThat(backup.out()).doesNotContain("\r", "archiving").contains("b1");
    }

    @Test
    void restoreVerifyExportAndReplicateDrawTheirBars() {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();

        assertThat(cli.run("restore", "b1", "--target", "out").err()).contains("\rrestoring", "100%");
        assertThat(cli.run("verify").err()).contains("\rverifying", "1/1 backups", "100%");
        assertThat(cli.run("export", "b1", "-o", "b1.tar").err()).contains("\rexporting", "100%");
        assertThat(cli.run("replicate").err()).contains("\rreplicating");
    }

    static Stream<Arguments> withoutBars() {
        return Stream.of(
                Arguments.of("--json", List.of("--json"), TERMINAL),
                Arguments.of("-q", List.of("-q"), TERMINAL),
                Arguments.of("stdout not a terminal", List.of(), ProgressTerminal.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutBars")
    void noBarIsDrawn(String why, List<String> options, ProgressTerminal terminal) {
        Cli runner = new Cli(dir).withTerminal(terminal);
        List<String> backup = Stream.concat(options.stream(), Stream.of("backup", "--id", "b1")).toList();
        List<String> restore = Stream.concat(options.stream(), Stream.of("restore", "b1", "--target", "out"))
                .toList();

        Cli.Result first = runner.run(backup.toArray(String[]::new));
        Cli.Result second = runner.run(restore.toArray(String[]::new));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        for (Cli.Result result : List.of(first, second)) {
            assertThat(result.err()).doesNotContain("\r", "%", "scanning", "archiving", "restoring");
            assertThat(result.out()).doesNotContain("\r", "%");
        }
    }

    @Test
    void anErrorAfterABarStartsOnACleanLine() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\n"); // no offsite copy to fall back on
        assertThat(cli.run("backup", "--id", "b1", "--format", "tar").exitCode()).isZero();
        Path archive = dir.resolve("backups/archives/b1.tar");
        Files.write(archive, Arrays.copyOf(Files.readAllBytes(archive), 1024)); // cut inside the first file

        Cli.Result damaged = cli.run("restore", "b1", "--target", "out");

        assertThat(damaged.exitCode()).as(damaged.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(damaged.err()).contains("\rrestoring").containsPattern("\\rbackman: .*b1");
        assertThat(damaged.err()).doesNotContainPattern("[^\\r\\n]backman: ");
    }
}
