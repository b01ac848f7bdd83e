package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelRangeStreamTest {
    private static final int RANGE = 1000;
    private static final int PARALLELISM = 3;

    // more threads than the stream may use, so that only the stream's own bound limits its fetches
    private final ExecutorService pool = Executors.newFixedThreadPool(2 * PARALLELISM + 2);
    private final List<Long> fetched = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void deliversBytesInOrderWhenLaterRangesArriveFirst() throws IOException {
        byte[] object = randomBytes(10 * RANGE + 37);
        CountDownLatch laterRangesDone = new CountDownLatch(PARALLELISM - 1);
        List<Long> completed = new CopyOnWriteArrayList<>();
        RangedGetChannel.RangeReader slowFirst = (start, into, length) -> {
            if (start == 0) {
                await(laterRangesDone); // the first range arrives only after the two behind it
            }
            copy(object, start, into, length);
            completed.add(start);
            if (start > 0) {
                laterRangesDone.countDown();
            }
        };

        assertThat(readAll(new ParallelRangeStream(object.length, RANGE, PARALLELISM, slowFirst, pool), 333))
                .isEqualTo(object);
        assertThat(completed.indexOf(0L)).as("the first range completed third").isEqualTo(2);
    }

    @Test
    void readsSizesThatAreNotAMultipleOfTheRangeAndSmallerThanOne() throws IOException {
        for (int size : new int[] {1, RANGE - 1, RANGE, RANGE + 1, 7 * RANGE, 7 * RANGE + 999}) {
            byte[] object = randomBytes(size);
            fetched.clear();
            assertThat(readAll(new ParallelRangeStream(size, RANGE, PARALLELISM, copying(object), pool), 4096))
                    .as("size %d", size).isEqualTo(object);
            assertThat(fetched).as("size %d: each byte fetched once", size)
                    .hasSize((size + RANGE - 1) / RANGE);
        }
    }

    @Test
    void emptyObjectFetchesNothing() throws IOException {
        try (InputStream in = new ParallelRangeStream(0, RANGE, PARALLELISM, copying(new byte[0]), pool)) {
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[10])).isEqualTo(-1);
        }
        assertThat(fetched).isEmpty();
    }

    @Test
    void holdsAtMostParallelismPlusOneRangesWhateverTheObjectSize() throws IOException {
        byte[] object = randomBytes(200 * RANGE + 5);
        AtomicLong consumed = new AtomicLong();
        AtomicLong furthestAhead = new AtomicLong();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        Set<byte[]> buffers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        RangedGetChannel.RangeReader watched = (start, into, length) -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            furthestAhead.accumulateAndGet(start + length - consumed.get(), Math::max);
            buffers.add(into);
            copy(object, start, into, length);
            running.decrementAndGet();
        };

        try (InputStream in = new ParallelRangeStream(object.length, RANGE, PARALLELISM, watched, pool)) {
            byte[] chunk = new byte[97];
            int n;
            while ((n = in.read(chunk)) > 0) {
                consumed.addAndGet(n);
            }
        }

        assertThat(consumed.get()).isEqualTo(object.length);
        assertThat(buffers).as("buffers ever used").hasSizeLessThanOrEqualTo(PARALLELISM + 1);
        assertThat(mostRunning.get()).isLessThanOrEqualTo(PARALLELISM);
        assertThat(furthestAhead.get()).as("bytes fetched beyond what was read")
                .isLessThanOrEqualTo((PARALLELISM + 1L) * RANGE);
    }

    @Test
    void failedRangeFailsTheReadAfterEveryByteBeforeIt() throws IOException {
        byte[] object = randomBytes(6 * RANGE);
        RangedGetChannel.RangeReader thirdFails = (start, into, length) -> {
            if (start == 2 * RANGE) {
                throw new IOException("connection reset");
            }
            copy(object, start, into, length);
        };
        InputStream in = new ParallelRangeStream(object.length, RANGE, PARALLELISM, thirdFails, pool);

        assertThat(in.readNBytes(2 * RANGE)).isEqualTo(Arrays.copyOf(object, 2 * RANGE));
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThatThrownBy(in::read).as("and stays failed").hasMessage("connection reset");
        in.close();
    }

    @Test
    void storageFailureOfARangeIsThrownAsItIs() {
        RangedGetChannel.RangeReader denied = (start, into, length) -> {
            throw new UncheckedIOException(new IOException("access denied"));
        };
        InputStream in = new ParallelRangeStream(3 * RANGE, RANGE, PARALLELISM, denied, pool);

        assertThatThrownBy(in::read).isInstanceOf(UncheckedIOException.class).hasMessageContaining("access denied");
    }

    @Test
    void closedStreamFetchesNoMoreAndRefusesReads() throws IOException {
        byte[] object = randomBytes(50 * RANGE);
        InputStream in = new ParallelRangeStream(object.length, RANGE, PARALLELISM, copying(object), pool);
        assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOf(object, 10));

        in.close();

        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("stream closed");
        pool.shutdown();
        assertThat(awaitTermination()).isTrue();
        assertThat(fetched).hasSizeLessThanOrEqualTo(PARALLELISM + 1);
    }

    private RangedGetChannel.RangeReader copying(byte[] object) {
        return (start, into, length) -> {
            fetched.add(start);
            copy(object, start, into, length);
        };
    }

    private static void copy(byte[] object, long start, byte[] into, int length) {
        System.arraycopy(object, (int) start, into, 0, length);
    }

    private static byte[] readAll(InputStream stream, int chunk) throws IOException {
        try (InputStream in = stream) {
            byte[] all = new byte[0];
            byte[] buffer = new byte[chunk];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int at = all.length;
                all = Arrays.copyOf(all, at + n);
                System.arraycopy(buffer, 0, all, at, n);
            }
            return all;
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException("later ranges were not fetched while the first one waited");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private boolean awaitTermination() {
        try {
            return pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
