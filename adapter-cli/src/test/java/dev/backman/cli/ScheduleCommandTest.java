package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code backman schedule} refuses before it starts: every one is a usage error (exit 2) that says why, and
 * nothing is written. (A schedule that starts runs until stopped: see {@code ScheduleEndToEndTest}.)
 */
class ScheduleCommandTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--at      | 25:00       | HH:MM",
            "--at      | 2pm         | HH:MM",
            "--cron    | bad         | not a Unix cron expression",
            "--cron    | 0 2 * *     | expected 5 fields",
            "--cron    | 0 0 30 2 *  | never matches",
            "--every   | 0s          | at least 1s",
            "--every   | 500ms       | at least 1s",
            "--every   | abc         | not a duration"})
    void anInvalidOptionValueIsAUsageErrorNamingTheOption(String option, String value, String problem) {
        Cli.Result result = cli.run("schedule", option, value);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("backman: ").contains(option).contains(problem);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void twoScheduleOptionsAreAUsageError() {
        Cli.Result result = cli.run("schedule", "--at", "02:00", "--every", "1h");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--at").contains("--every").contains("mutually exclusive");
    }

    @Test
    void noScheduleOnTheCommandLineOrInTheConfigurationIsAUsageError() {
        Cli.Result result = cli.run("schedule");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("no schedule").contains("--at").contains("schedule:");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void anInvalidScheduleInTheConfigurationFailsEveryCommandNamingTheKey() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nschedule: {cron: \"61 * * * *\"}\n");

        for (String command : new String[] {"schedule", "backup"}) {
            Cli.Result result = cli.run(command);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("schedule.cron").contains("61");
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void anInvalidRetryInTheConfigurationIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nretry: {times: -2}\n");

        Cli.Result result = cli.run("schedule", "--every", "1h");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("retry.times");
    }

    @Test
    void sourcesThatDoNotExistStopTheScheduleFromStarting() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project, gone]\nschedule: \"02:00\"\n");

        Cli.Result result = cli.run("schedule");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("gone");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void withoutSourcePathsTheScheduleDoesNotStart() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "schedule: {every: 1h}\n");

        Cli.Result result = cli.run("schedule");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("no source paths");
    }
}
