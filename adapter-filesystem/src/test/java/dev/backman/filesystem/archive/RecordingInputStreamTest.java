package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bytes kept from a position on, whether that position was read already or is still to come. */
class RecordingInputStreamTest {
    private final byte[] bytes = TrickyTree.randomBytes(10_000);
    private final RecordingInputStream in = new RecordingInputStream(new ByteArrayInputStream(bytes), 1000, 5000);

    private byte[] kept() {
        ByteBuffer kept = in.keptBytes();
        byte[] copy = new byte[kept.remaining()];
        kept.get(copy);
        return copy;
    }

    @Test
    void keepsBytesReadBeforeTheChoiceWhileTheWindowHoldsThem() throws IOException {
        in.readNBytes(3000);
        in.keepFrom(2100);
        in.readNBytes(500);

        assertThat(in.position()).isEqualTo(3500);
        assertThat(kept()).isEqualTo(Arrays.copyOfRange(bytes, 2100, 3500));
        assertThat(in.keptByte(0)).isEqualTo(bytes[2100] & 0xff);
    }

    @Test
    void keepsFromAPositionStillToComeAndSkippedBytesToo() throws IOException {
        in.readNBytes(100);
        in.keepFrom(1500);
        assertThat(in.skip(2000)).isEqualTo(2000);

        assertThat(kept()).isEqualTo(Arrays.copyOfRange(bytes, 1500, 2100));
        in.stopKeeping();
        in.readNBytes(10);
        assertThat(in.keptLength()).isZero();
    }

    @Test
    void cannotGoBackFurtherThanTheWindowNorKeepMoreThanAllowed() throws IOException {
        in.readNBytes(3000);
        assertThatThrownBy(() -> in.keepFrom(1999)).isInstanceOf(IOException.class)
                .hasMessageContaining("offset 1999");

        in.keepFrom(3000);
        assertThatThrownBy(() -> in.readNBytes(6000)).isInstanceOf(IOException.class)
                .hasMessageContaining("more than 5000 bytes");
    }
}
