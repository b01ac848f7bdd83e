package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupIdsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T02:00:05Z"), ZoneId.of("Europe/Paris"));

    @Test
    void generatesUtcTimestampIds() {
        assertThat(BackupIds.choose(null, clock, id -> false)).isEqualTo("backup_20261129_020005");
    }

    @Test
    void addsASuffixOnCollision() {
        Set<String> taken = Set.of("backup_20261129_020005", "backup_20261129_020005_2");
        assertThat(BackupIds.choose(null, clock, taken::contains)).isEqualTo("backup_20261129_020005_3");
    }

    @Test
    void requestedIdIsValidatedAndMustBeNew() {
        assertThat(BackupIds.choose("custom_backup_001", clock, id -> false)).isEqualTo("custom_backup_001");
        assertThatThrownBy(() -> BackupIds.choose("../evil", clock, id -> false))
                .isInstanceOf(InvalidConfiguration.class);
        assertThatThrownBy(() -> BackupIds.choose("dup", clock, "dup"::equals))
                .hasMessageContaining("already exists");
    }
}
