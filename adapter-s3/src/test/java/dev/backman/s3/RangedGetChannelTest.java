package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RangedGetChannelTest {
    private final byte[] object = new byte[10_000];
    private final List<long[]> fetches = new ArrayList<>();
    private final RangedGetChannel.RangeReader reader = (start, into, length) -> {
        fetches.add(new long[] {start, length});
        System.arraycopy(object, (int) start, into, 0, length);
    };

    RangedGetChannelTest() {
        new Random(1).nextBytes(object);
    }

    @Test
    void readsNearTheEndFetchAWindowEndingAtTheEnd() throws IOException {
        try (RangedGetChannel channel = new RangedGetChannel(object.length, 4_000, reader)) {
            assertThat(read(channel, 9_990, 10)).isEqualTo(Arrays.copyOfRange(object, 9_990, 10_000));
            assertThat(read(channel, 7_000, 100)).as("the central directory before the end record")
                    .isEqualTo(Arrays.copyOfRange(object, 7_000, 7_100));
        }
        assertThat(fetches).containsExactly(new long[] {6_000, 4_000});
    }

    @Test
    void sequentialReadsFetchOneWindowAtATime() throws IOException {
        try (RangedGetChannel channel = new RangedGetChannel(object.length, 4_000, reader)) {
            ByteBuffer all = ByteBuffer.allocate(object.length);
            while (channel.read(all) >= 0 && all.hasRemaining()) {
                // keep reading
            }
            assertThat(all.array()).isEqualTo(object);
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
        assertThat(fetches).containsExactly(new long[] {0, 4_000}, new long[] {4_000, 4_000},
                new long[] {6_000, 4_000});
    }

    @Test
    void isReadOnlyAndStopsWhenClosed() throws IOException {
        RangedGetChannel channel = new RangedGetChannel(object.length, 4_000, reader);
        assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
        assertThatThrownBy(() -> channel.truncate(0)).isInstanceOf(NonWritableChannelException.class);
        channel.close();
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void failedFetchIsNotMistakenForData() throws IOException {
        boolean[] fail = {true};
        RangedGetChannel.RangeReader flaky = (start, into, length) -> {
            if (fail[0]) {
                Arrays.fill(into, 0, 10, (byte) 7);
                throw new IOException("connection reset");
            }
            reader.read(start, into, length);
        };
        try (RangedGetChannel channel = new RangedGetChannel(object.length, 4_000, flaky)) {
            assertThatThrownBy(() -> read(channel, 0, 10)).isInstanceOf(IOException.class);
            fail[0] = false;
            assertThat(read(channel, 0, 10)).isEqualTo(Arrays.copyOf(object, 10));
        }
    }

    private static byte[] read(RangedGetChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
