package dev.backman.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        BackupConfig config = BackupConfig.defaults();
        assertThat(config.backupLocation()).isEqualTo("./backups");
        assertThat(config.retentionDays()).isEqualTo(30);
        assertThat(config.compressionType()).isEqualTo(CompressionType.ZIP);
        assertThat(config.maxFileSizeMb()).isEqualTo(100);
        assertThat(config.maxFileSizeBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(config.excludePatterns()).containsExactly(".git", "__pycache__", "*.pyc", "node_modules");
        assertThat(config.includeHidden()).isFalse();
        assertThat(config.fullEveryDays()).isEqualTo(7);
    }

    @Test
    void negativeRetentionIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> BackupConfig.defaults().withRetentionDays(-1))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("retention_days")
                .satisfies(e -> assertThat(((InvalidConfiguration) e).key()).isEqualTo("retention_days"));
    }

    @Test
    void negativeSizeLimitIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> BackupConfig.defaults().withMaxFileSizeMb(-5))
                .hasMessageContaining("max_file_size_mb");
    }

    @Test
    void emptyLocationAndEmptyPatternsAreRejected() {
        assertThatThrownBy(() -> BackupConfig.defaults().withBackupLocation(" "))
                .hasMessageContaining("backup_location");
        assertThatThrownBy(() -> BackupConfig.defaults().withExcludePatterns(List.of("ok", "")))
                .hasMessageContaining("exclude_patterns");
        assertThatThrownBy(() -> BackupConfig.defaults().withFullEveryDays(0))
                .hasMessageContaining("full_every_days");
    }

    @Test
    void zeroMeansNoLimitAndKeepForever() {
        BackupConfig config = BackupConfig.defaults().withMaxFileSizeMb(0).withRetentionDays(0);
        assertThat(config.maxFileSizeBytes()).isZero();
        assertThat(config.retentionDays()).isZero();
    }
}
