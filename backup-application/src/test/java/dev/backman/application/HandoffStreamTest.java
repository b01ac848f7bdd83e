package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HandoffStreamTest {

    @Test
    void handedOverBuffersArriveInOrderAndComeBackOnlyWhenTheConsumerIsDoneWithThem() throws Exception {
        HandoffStream stream = new HandoffStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Set<byte[]> handed = Collections.newSetFromMap(new IdentityHashMap<>());
        CompletableFuture<byte[]> consumed = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.readAllBytes(); // reads in small pieces too, through the 8 KiB default buffer
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Random random = new Random(11);
        byte[] buffer = new byte[4096];
        boolean reused = false;
        for (int i = 0; i < 2000; i++) {
            random.nextBytes(buffer); // overwriting a buffer the consumer still reads would corrupt the output
            int length = 1 + random.nextInt(buffer.length);
            expected.write(buffer, 0, length);
            handed.add(buffer);
            buffer = stream.handOver(buffer, length);
            reused |= handed.contains(buffer);
        }
        stream.end();

        assertThat(consumed.get()).isEqualTo(expected.toByteArray());
        assertThat(reused).as("buffers are recycled, not allocated per chunk").isTrue();
    }

    @Test
    void offeredBytesAreCopiedSoTheCallerMayReuseItsBuffer() throws Exception {
        HandoffStream stream = new HandoffStream();
        byte[] buffer = {1, 2, 3};
        stream.offer(buffer, 3);
        buffer[0] = 9;
        stream.offer(buffer, 1);
        stream.end();

        assertThat(stream.readAllBytes()).containsExactly(1, 2, 3, 9);
    }

    @Test
    void aFailureHandedOverComesAfterTheDataBeforeItAndKeepsComing() throws Exception {
        HandoffStream stream = new HandoffStream();
        stream.offer(new byte[] {1, 2, 3}, 3);
        IOException cause = new IOException("unexpected end of the archive");
        stream.fail(cause);

        byte[] read = new byte[8];
        assertThat(stream.read(read, 0, 8)).isEqualTo(3);
        assertThatThrownBy(() -> stream.read(read, 0, 8)).isInstanceOf(IOException.class)
                .hasMessage("unexpected end of the archive").hasCause(cause);
        assertThatThrownBy(stream::read).isInstanceOf(IOException.class).hasCause(cause);
    }

    @Test
    @Timeout(30)
    void drainingEndsAtAHandedOverFailureWithoutThrowingIt() throws Exception {
        HandoffStream stream = new HandoffStream();
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 100; i++) { // more than the queue holds: a consumer must take them
                    stream.offer(new byte[1024], 1024);
                }
                stream.fail(new IOException("damaged"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        stream.drain();

        producer.get(10, TimeUnit.SECONDS);
    }
}
