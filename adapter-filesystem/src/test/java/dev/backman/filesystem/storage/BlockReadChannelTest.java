package dev.backman.filesystem.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockReadChannelTest {
    private static final int BLOCK = 4096;

    @TempDir
    Path dir;

    @Test
    void positionedReadsOfAnyLengthGiveTheObjectsBytesAcrossBlockBoundaries() throws IOException {
        byte[] bytes = new byte[5 * BLOCK + 123];
        Random random = new Random(20261201);
        random.nextBytes(bytes);
        Path file = Files.write(dir.resolve("object"), bytes);
        try (CountingChannel inner = new CountingChannel(Files.newByteChannel(file));
             BlockReadChannel channel = new BlockReadChannel(inner, BLOCK)) {
            for (int i = 0; i < 2_000; i++) {
                int at = random.nextInt(bytes.length + 10);
                int length = 1 + random.nextInt(3 * BLOCK);
                ByteBuffer target = ByteBuffer.allocate(length);
                int read = channel.position(at).read(target);

                int expected = Math.min(length, bytes.length - at);
                if (expected <= 0) {
                    assertThat(read).as("at %d, past the end", at).isEqualTo(-1);
                } else {
                    assertThat(read).as("at %d, %d bytes", at, length).isEqualTo(expected);
                    assertThat(Arrays.copyOf(target.array(), read))
                            .isEqualTo(Arrays.copyOfRange(bytes, at, at + read));
                    assertThat(channel.position()).isEqualTo(at + read);
                }
            }
            assertThat(channel.size()).isEqualTo(bytes.length);
            assertThat(inner.sizeCalls).as("the size is asked once").isEqualTo(1);
        }
    }

    @Test
    void readingForwardInSmallPiecesReadsEachBlockOnce() throws IOException {
        byte[] bytes = new byte[3 * BLOCK];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("object"), bytes);
        try (CountingChannel inner = new CountingChannel(Files.newByteChannel(file));
             BlockReadChannel channel = new BlockReadChannel(inner, BLOCK)) {
            ByteBuffer piece = ByteBuffer.allocate(100);
            long at = 0;
            byte[] seen = new byte[bytes.length];
            for (int n = channel.read(piece); n > 0; n = channel.read(piece.clear())) {
                System.arraycopy(piece.array(), 0, seen, (int) at, n);
                at += n;
            }

            assertThat(seen).isEqualTo(bytes);
            assertThat(inner.positionCalls).as("one seek per block").isEqualTo(3);
            assertThat(channel.read(ByteBuffer.allocate(0))).isZero();
        }
    }

    @Test
    void anObjectShorterThanItsSizeEndsTheReadInsteadOfLooping() throws IOException {
        Path file = Files.write(dir.resolve("object"), new byte[100]);
        SeekableByteChannel lying = new CountingChannel(Files.newByteChannel(file)) {
            @Override
            public long size() {
                return 1_000;
            }
        };
        try (BlockReadChannel channel = new BlockReadChannel(lying, BLOCK)) {
            assertThat(channel.read(ByteBuffer.allocate(500))).isEqualTo(100);
            assertThat(channel.read(ByteBuffer.allocate(500))).isEqualTo(-1);
        }
    }

    @Test
    void itIsReadOnly() throws IOException {
        Path file = Files.write(dir.resolve("object"), new byte[10]);
        try (BlockReadChannel channel = new BlockReadChannel(Files.newByteChannel(file), BLOCK)) {
            assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1)))
                    .isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> channel.truncate(1)).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> channel.position(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
