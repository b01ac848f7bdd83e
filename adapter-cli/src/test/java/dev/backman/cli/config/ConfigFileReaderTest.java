package dev.backman.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileReaderTest {
    @TempDir
    Path dir;
    final ConfigFileReader reader = new ConfigFileReader();

    @Test
    void readsEveryKey() throws IOException {
        BackupConfig config = read("""
                source_paths: [./src, /abs/config]
                backup_location: ../backups
                retention_days: 14
                compression_type: tar.zst
                max_file_size_mb: 0
                exclude_patterns: ["*.tmp", "build/**"]
                include_hidden: true
                full_every_days: 3
                catalog_path: state/catalog.db
                """);

        assertThat(config.sourcePaths()).containsExactly(dir.resolve("src"), Path.of("/abs/config"));
        assertThat(config.backupLocation()).isEqualTo(dir.getParent().resolve("backups").toString());
        assertThat(config.retentionDays()).isEqualTo(14);
        assertThat(config.compressionType()).isEqualTo(CompressionType.TAR_ZST);
        assertThat(config.maxFileSizeMb()).isZero();
        assertThat(config.excludePatterns()).containsExactly("*.tmp", "build/**");
        assertThat(config.includeHidden()).isTrue();
        assertThat(config.fullEveryDays()).isEqualTo(3);
        assertThat(config.catalogPath()).isEqualTo(dir.resolve("state/catalog.db"));
    }

    @Test
    void emptyFileMeansTheDefaultsWithBackupsBesideTheFile() throws IOException {
        BackupConfig config = read("# nothing yet\n");

        BackupConfig defaults = BackupConfig.defaults();
        assertThat(config.backupLocation()).isEqualTo(dir.resolve("backups").toString());
        assertThat(config.retentionDays()).isEqualTo(defaults.retentionDays());
        assertThat(config.excludePatterns()).isEqualTo(defaults.excludePatterns());
        assertThat(config.sourcePaths()).isEmpty();
    }

    @Test
    void aSingleSourcePathNeedNotBeAList() throws IOException {
        assertThat(read("source_paths: src\n").sourcePaths()).containsExactly(dir.resolve("src"));
    }

    @Test
    void homeDirectoryIsExpanded() throws IOException {
        BackupConfig config = read("source_paths: [\"~/work\"]\n");

        assertThat(config.sourcePaths()).isEqualTo(List.of(Path.of(System.getProperty("user.home"), "work")));
    }

    @Test
    void s3LocationIsKeptAsGiven() throws IOException {
        assertThat(read("backup_location: s3://bucket/prefix\n").backupLocation()).isEqualTo("s3://bucket/prefix");
    }

    @Test
    void wrongTypeNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> read("retention_days: abc\n"))
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                    assertThat(e.key()).isEqualTo("retention_days");
                    assertThat(e.problem()).contains("whole number").contains("abc");
                });
    }

    @Test
    void unknownKeyIsRejectedByName() {
        assertThatThrownBy(() -> read("retension_days: 3\n"))
                .isInstanceOfSatisfying(InvalidConfiguration.class,
                        e -> assertThat(e.key()).isEqualTo("retension_days"));
    }

    @Test
    void aListAtTheTopIsRejected() {
        assertThatThrownBy(() -> read("- a\n- b\n")).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("mapping");
    }

    @Test
    void readsTheS3BlockAndTheOffsiteLocations() throws IOException {
        ConfigFile file = readFile("""
                offsite:
                  - location: s3://bucket/copies/
                  - {location: ../second-copy}
                s3:
                  endpoint: http://127.0.0.1:9000
                  region: eu-central-1
                  path_style: true
                  storage_class: standard_ia
                  object_lock: {mode: governance, days: 30}
                  part_size_mb: 8
                  upload_threads: 2
                  download_threads: 6
                  max_attempts: 3
                """);

        assertThat(file.s3()).isEqualTo(new S3Options("http://127.0.0.1:9000", "eu-central-1", true, "standard_ia",
                "GOVERNANCE", 30, 8, 2, 6, 3));
        assertThat(file.offsite()).containsExactly(new RepositoryLocation("s3", "s3://bucket/copies/"),
                new RepositoryLocation("file", dir.getParent().resolve("second-copy").toString()));
    }

    @Test
    void withoutAnS3BlockTheDefaultsApply() throws IOException {
        assertThat(readFile("retention_days: 3\n").s3()).isEqualTo(S3Options.defaults());
        assertThat(readFile("retention_days: 3\n").offsite()).isEmpty();
    }

    @Test
    void s3AndOffsiteErrorsNameTheirKeys() {
        assertInvalid("s3: {part_size_mb: 4}\n", "s3.part_size_mb");
        assertInvalid("s3: {upload_threads: many}\n", "s3.upload_threads");
        assertInvalid("s3: {download_threads: 0}\n", "s3.download_threads");
        assertInvalid("s3: {download_threads: 65}\n", "s3.download_threads");
        assertInvalid("s3: {regoin: eu-west-1}\n", "s3.regoin");
        assertInvalid("s3: {endpoint: \"ftp://host\"}\n", "s3.endpoint");
        assertInvalid("s3: {object_lock: {mode: forever, days: 3}}\n", "s3.object_lock.mode");
        assertInvalid("s3: {object_lock: {mode: COMPLIANCE}}\n", "s3.object_lock.days");
        assertInvalid("offsite: s3://bucket/x\n", "offsite");
        assertInvalid("offsite: [{place: /x}]\n", "offsite[0].place");
        assertInvalid("offsite: [{location: /x}, {location: \"s3://b\"}]\n", "offsite[1].location");
        assertInvalid("offsite: [{location: /x}, {location: /x}]\n", "offsite[1].location");
        assertInvalid("backup_location: s3://a/b//c\n", "backup_location");
    }

    private void assertInvalid(String yaml, String key) {
        assertThatThrownBy(() -> readFile(yaml)).as(yaml)
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    private ConfigFile readFile(String yaml) throws IOException {
        Path file = dir.resolve("backman.yaml");
        Files.writeString(file, yaml);
        return reader.readFile(file);
    }

    private BackupConfig read(String yaml) throws IOException {
        Path file = dir.resolve("backman.yaml");
        Files.writeString(file, yaml);
        return reader.read(file);
    }
}
