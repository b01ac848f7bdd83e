package dev.backman.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"custom_backup_001", "a", "B.2-x_y", "backup_20261129_020000"})
    void acceptsSafeIds(String id) {
        assertThat(new BackupId(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-lead", ".hidden", "a/b", "../x", "a b", "é"})
    void rejectsUnsafeIds(String id) {
        assertThatThrownBy(() -> new BackupId(id)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("not a valid backup id");
    }

    @Test
    void limitsLengthTo128() {
        assertThat(BackupId.isValid("a".repeat(128))).isTrue();
        assertThat(BackupId.isValid("a".repeat(129))).isFalse();
    }
}
