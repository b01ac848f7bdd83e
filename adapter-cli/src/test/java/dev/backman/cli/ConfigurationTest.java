package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retention_days: abc        | retention_days",
            "retention_days: -1         | retention_days",
            "retention_days: 2.5        | retention_days",
            "compression_type: rar      | compression_type",
            "max_file_size_mb: -5       | max_file_size_mb",
            "full_every_days: 0         | full_every_days",
            "include_hidden: maybe      | include_hidden",
            "exclude_patterns: {a: 1}   | exclude_patterns",
            "source_paths: 42           | source_paths",
            "backup_location: ''        | backup_location",
            "retention_dayz: 3          | retention_dayz"})
    void invalidValueIsAUsageErrorNamingTheKeyAndWritesNothing(String yaml, String key) throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [./project]\n" + yaml + "\n");

        Cli.Result result = cli.run("backup");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("backman: ").contains(key);
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void invalidYamlIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [./project\nretention_days: 3\n");

        Cli.Result result = cli.run("backup");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("not valid YAML");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void missingConfigFileGivenWithDashCIsAUsageError() {
        Cli.Result result = cli.run("-c", "nowhere.yaml", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("nowhere.yaml");
    }

    @Test
    void relativePathsInTheConfigFileAreRelativeToItsDirectory() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("backman.yaml"), """
                source_paths: [../project]
                backup_location: ./repo
                compression_type: tar.gz
                retention_days: 0
                """);

        Cli.Result result = cli.run("-c", "conf/backman.yaml", "--json", "backup");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json().get("source_paths").get(0).asText()).isEqualTo(dir.resolve("project").toString());
        assertThat(result.json().get("compression_type").asText()).isEqualTo("tar.gz");
        assertThat(SourceTree.fileCount(conf.resolve("repo/archives"))).isEqualTo(1);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void backmanYamlInTheWorkingDirectoryIsUsedByDefault() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\nbackup_location: elsewhere\n");

        Cli.Result result = cli.run("backup");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(SourceTree.fileCount(dir.resolve("elsewhere/archives"))).isEqualTo(1);
    }

    @Test
    void catalogPathMovesTheCatalogOutOfTheRepository() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\ncatalog_path: state/catalog.db\n");

        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();

        assertThat(dir.resolve("state/catalog.db")).exists();
        assertThat(dir.resolve("backups/catalog.db")).doesNotExist();
        assertThat(cli.run("status", "b1").exitCode()).isZero();
    }

    @Test
    void keysOfLaterFeaturesAreAccepted() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), """
                source_paths: [project]
                retention: {keep_last: 3}
                schedule: "02:00"
                catalog_path: null
                """);

        assertThat(cli.run("backup").exitCode()).isZero();
    }

    @Test
    void commandLineFlagsOverrideTheConfiguration() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), """
                source_paths: [project]
                backup_location: ./from-config
                compression_type: zip
                exclude_patterns: ["*.bin"]
                """);
        Files.writeString(dir.resolve("project/notes.log"), "log\n");
        Files.writeString(dir.resolve("project/.hidden"), "hidden\n");

        Cli.Result result = cli.run("-r", "from-flag", "--json", "backup", "--format", "tar",
                "--exclude", "*.log", "--include-hidden");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode metadata = result.json();
        assertThat(metadata.get("compression_type").asText()).isEqualTo("tar");
        // a.txt, sub/b.txt and .hidden: c.bin excluded by the configuration, notes.log by the flag
        assertThat(metadata.get("total_files").asLong()).isEqualTo(3);
        assertThat(SourceTree.fileCount(dir.resolve("from-flag/archives"))).isEqualTo(1);
        assertThat(dir.resolve("from-config")).doesNotExist();
    }

    @Test
    void aRepositoryMayShareItsNameWithACommand() {
        for (String name : new String[] {"repo", "backup", "list"}) {
            Cli.Result result = cli.run("-r", name, "--json", "backup", "project");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(SourceTree.fileCount(dir.resolve(name + "/archives"))).isEqualTo(1);
        }
    }

    @Test
    void sourcesOnTheCommandLineReplaceTheConfiguredOnes() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [does-not-exist]\n");

        Cli.Result result = cli.run("--json", "backup", "project/sub");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json().get("source_paths").get(0).asText()).isEqualTo(dir.resolve("project/sub").toString());
    }

    @Test
    void unknownStorageSchemeIsAConfigurationErrorNamingBackupLocation() {
        Cli.Result result = cli.run("-r", "ftp://host/backups", "backup", "project");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("backup_location").contains("ftp");
    }

    @Test
    void unknownFormatFlagIsAUsageError() {
        Cli.Result result = cli.run("backup", "project", "--format", "rar");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("rar").contains("tar.zst");
        assertThat(dir.resolve("backups")).doesNotExist();
    }
}
