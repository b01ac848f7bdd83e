package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompressibilityProbeTest {

    private final CompressibilityProbe probe = new CompressibilityProbe();

    @AfterEach
    void release() {
        probe.close();
    }

    @Test
    void randomBytesAreNotWorthDeflating() {
        byte[] random = TrickyTree.randomBytes(CompressibilityProbe.SAMPLE_SIZE);
        assertThat(probe.worthDeflating(random, random.length)).isFalse();
    }

    @Test
    void textAndZerosAreWorthDeflating() {
        byte[] text = TrickyTree.compressibleText(CompressibilityProbe.SAMPLE_SIZE);
        assertThat(probe.worthDeflating(text, text.length)).isTrue();
        assertThat(probe.worthDeflating(new byte[1000], 1000)).isTrue();
    }

    @Test
    void anEmptySampleIsStored() {
        assertThat(probe.worthDeflating(new byte[0], 0)).isFalse();
    }

    @Test
    void theProbeIsReusableAfterEachSample() {
        byte[] random = TrickyTree.randomBytes(5000);
        byte[] text = TrickyTree.compressibleText(5000);
        for (int i = 0; i < 3; i++) {
            assertThat(probe.worthDeflating(random, random.length)).isFalse();
            assertThat(probe.worthDeflating(text, text.length)).isTrue();
        }
    }
}
