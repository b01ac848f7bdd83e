package dev.backman.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompressionTypeTest {

    @Test
    void parsesEveryConfigurationName() {
        for (CompressionType type : CompressionType.values()) {
            assertThat(CompressionType.parse(type.extension(), "compression_type")).isEqualTo(type);
        }
        assertThat(CompressionType.parse(" TAR.ZST ", "compression_type")).isEqualTo(CompressionType.TAR_ZST);
    }

    @Test
    void unknownNameIsAnErrorListingTheChoices() {
        assertThatThrownBy(() -> CompressionType.parse("rar", "compression_type"))
                .hasMessageContaining("compression_type")
                .hasMessageContaining("rar")
                .hasMessageContaining("tar.zst");
    }

    @Test
    void formatComesFromTheLongestMatchingExtension() {
        assertThat(CompressionType.ofFileName("out.tar.gz")).contains(CompressionType.TAR_GZ);
        assertThat(CompressionType.ofFileName("out.tar")).contains(CompressionType.TAR);
        assertThat(CompressionType.ofFileName("OUT.ZIP")).contains(CompressionType.ZIP);
        assertThat(CompressionType.ofFileName("out.rar")).isEmpty();
    }
}
