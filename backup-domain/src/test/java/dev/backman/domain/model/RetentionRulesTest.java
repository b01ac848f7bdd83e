package dev.backman.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionRulesTest {

    @Test
    void negativeCountsAreRejectedNamingTheirKey() {
        assertThatThrownBy(() -> RetentionRules.none().withKeepDaily(-1))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage("invalid retention.keep_daily: must be 0 (off) or more, got -1")
                .satisfies(e -> assertThat(((InvalidConfiguration) e).key()).isEqualTo("retention.keep_daily"));
        assertThatThrownBy(() -> new RetentionRules(0, 0, 0, 0, 0, -3)).hasMessageContaining("retention.keep_yearly");
        assertThatThrownBy(() -> new RetentionRules(-2, 0, 0, 0, 0, 0)).hasMessageContaining("retention.keep_last");
    }

    @Test
    void anyIsTrueOnlyWhenARuleIsOn() {
        assertThat(RetentionRules.none().any()).isFalse();
        assertThat(RetentionRules.none().withKeepHourly(1).any()).isTrue();
    }

    @Test
    void aConfigurationWithoutRulesHasNoneAndWithRetentionSetsThem() {
        BackupConfig config = BackupConfig.defaults();
        assertThat(config.retention()).isEqualTo(RetentionRules.none());
        RetentionRules rules = new RetentionRules(1, 2, 3, 4, 5, 6);
        BackupConfig withRules = config.withRetention(rules).withSourcePaths(List.of()).withRetentionDays(0);
        assertThat(withRules.retention()).isEqualTo(rules);
        assertThat(withRules.retentionDays()).isZero();
        assertThat(config.withRetention(null).retention()).isEqualTo(RetentionRules.none());
    }
}
