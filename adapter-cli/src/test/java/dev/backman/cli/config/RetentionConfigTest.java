package dev.backman.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.RetentionRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryKeepRuleAndRetentionDays() throws IOException {
        BackupConfig config = read("""
                retention_days: 14
                retention:
                  keep_last: 1
                  keep_hourly: 2
                  keep_daily: 7
                  keep_weekly: 4
                  keep_monthly: 12
                  keep_yearly: 3
                """);

        assertThat(config.retention()).isEqualTo(new RetentionRules(1, 2, 7, 4, 12, 3));
        assertThat(config.retentionDays()).isEqualTo(14);
    }

    @Test
    void keepRulesWithoutRetentionDaysTurnTheDefaultThirtyDaysOff() throws IOException {
        BackupConfig config = read("retention: {keep_daily: 7}\n");

        assertThat(config.retention()).isEqualTo(RetentionRules.none().withKeepDaily(7));
        assertThat(config.retentionDays()).isZero();
    }

    @Test
    void withoutKeepRulesRetentionDaysKeepsItsDefault() throws IOException {
        assertThat(read("# empty\n").retention()).isEqualTo(RetentionRules.none());
        assertThat(read("# empty\n").retentionDays()).isEqualTo(30);
        BackupConfig allZero = read("retention: {keep_last: 0, keep_daily: 0}\n");
        assertThat(allZero.retention().any()).isFalse();
        assertThat(allZero.retentionDays()).isEqualTo(30);
        assertThat(read("retention: null\n").retention()).isEqualTo(RetentionRules.none());
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertInvalid("retention: {keep_daily: -1}\n", "retention.keep_daily", "must be 0 (off) or more, got -1");
        assertInvalid("retention: {keep_weekly: many}\n", "retention.keep_weekly", "whole number");
        assertInvalid("retention: {keep_monthly: 1.5}\n", "retention.keep_monthly", "whole number");
        assertInvalid("retention: {keep_yearly: [1]}\n", "retention.keep_yearly", "whole number");
        assertInvalid("retention: 7\n", "retention", "mapping");
        assertInvalid("retention: [keep_last]\n", "retention", "mapping");
    }

    @Test
    void unknownKeysInsideRetentionAreRejected() {
        assertInvalid("retention: {keep_dayly: 3}\n", "retention.keep_dayly", "known keys: keep_daily");
        assertInvalid("retention: {retention_days: 3}\n", "retention.retention_days", "unknown key");
    }

    private void assertInvalid(String yaml, String key, String problem) {
        assertThatThrownBy(() -> read(yaml)).as(yaml)
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private BackupConfig read(String yaml) throws IOException {
        Path file = dir.resolve("backman.yaml");
        Files.writeString(file, yaml);
        return new ConfigFileReader().read(file);
    }
}
