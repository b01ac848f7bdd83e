package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelWritesTest {

    @Test
    void everyTaskHasRunWhenAwaitAllReturns() throws IOException {
        AtomicInteger done = new AtomicInteger();
        try (ParallelWrites writes = new ParallelWrites(2, 64 * 1024)) {
            for (int i = 0; i < 200; i++) {
                writes.submit(1024, "dir-" + (i % 7), done::incrementAndGet);
            }
            writes.awaitAll();
            assertThat(done).hasValue(200);
        }
    }

    @Test
    void theFirstFailureReachesTheCallerAndLaterTasksDoNotRun() throws Exception {
        AtomicInteger ranAfterFailure = new AtomicInteger();
        try (ParallelWrites writes = new ParallelWrites(1, 64 * 1024)) {
            writes.submit(1024, "dir", () -> {
                throw new IOException("No space left on device");
            });
            // the rest of its batch and the batches after it
            for (int i = 0; i < 3 * ParallelWrites.BATCH_TASKS; i++) {
                try {
                    writes.submit(1024, "dir", ranAfterFailure::incrementAndGet);
                } catch (IOException refused) { // once the failure is known, submitting fails at once
                    assertThat(refused).hasMessage("No space left on device");
                    break;
                }
            }
            assertThatThrownBy(writes::awaitAll).isInstanceOf(IOException.class)
                    .hasMessage("No space left on device");
        }
        assertThat(ranAfterFailure).hasValue(0);
    }

    @Test
    void tasksWaitForTheirBatchToFillOrForAwaitAll() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (ParallelWrites writes = new ParallelWrites(2, 64 * 1024)) {
            writes.submit(1024, "dir", ran::countDown);

            assertThat(ran.await(200, TimeUnit.MILLISECONDS)).as("ran before its batch was handed over").isFalse();
            writes.awaitAll();
            assertThat(ran.getCount()).isZero();
        }
    }

    @Test
    void aFullBatchIsHandedOverWithoutWaitingForAwaitAll() throws Exception {
        CountDownLatch ran = new CountDownLatch(ParallelWrites.BATCH_TASKS);
        try (ParallelWrites writes = new ParallelWrites(2, 64 * 1024)) {
            for (int i = 0; i < ParallelWrites.BATCH_TASKS; i++) {
                writes.submit(16, "dir", ran::countDown);
            }

            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            writes.awaitAll();
        }
    }

    @Test
    void closingStopsTheRestOfARunningBatch() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        ParallelWrites writes = new ParallelWrites(1, 64 * 1024);
        writes.submit(16, "dir", () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS); // until close interrupts it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 1; i < ParallelWrites.BATCH_TASKS; i++) {
            writes.submit(16, "dir", ran::incrementAndGet);
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        writes.close();

        assertThat(ran).hasValue(0);
    }

    @Test
    void theTasksOfOneLaneRunInOrderOnOneThreadWhileOtherLanesGoOn() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch otherLaneRan = new CountDownLatch(1);
        try (ParallelWrites writes = new ParallelWrites(2, 64 * 1024)) {
            // "a" and "b" hash to different lanes of two; the first task of "a" waits for one of "b"
            writes.submit(1024, "a", () -> {
                threads.add(Thread.currentThread().getName());
                try {
                    if (!otherLaneRan.await(10, TimeUnit.SECONDS)) {
                        throw new IOException("the other lane did not run meanwhile");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add("a0");
            });
            for (int i = 1; i < 50; i++) {
                String name = "a" + i;
                writes.submit(1024, "a", () -> {
                    threads.add(Thread.currentThread().getName());
                    order.add(name);
                });
            }
            writes.submit(1024, "b", otherLaneRan::countDown);
            writes.awaitAll();
        }
        assertThat(threads).hasSize(1);
        assertThat(order).containsExactlyElementsOf(
                IntStream.range(0, 50).mapToObj(i -> "a" + i).toList());
    }

    @Test
    void bytesInFlightAreBounded() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (ParallelWrites writes = new ParallelWrites(4, 2 * 1024 * 1024)) {
            for (int i = 0; i < 40; i++) {
                writes.submit(1024 * 1024, "dir-" + i, () -> { // two of these fill the budget
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                });
            }
            writes.awaitAll();
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    @Timeout(30)
    void aStreamedTaskReadsWhatTheCallerFeedsOnItsOwnThreadWhileTheWritersGoOn() throws Exception {
        HandoffStream source = new HandoffStream();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        byte[][] read = new byte[1][];
        try (ParallelWrites writes = new ParallelWrites(2, 64 * 1024)) {
            writes.stream(source, () -> {
                threads.add(Thread.currentThread().getName());
                read[0] = source.readAllBytes();
            });
            for (int i = 0; i < 50; i++) { // 50 KiB through a queue of 8 chunks: the task reads as it is fed
                source.offer(new byte[1024], 1024);
            }
            source.end();
            writes.submit(0, "dir", () -> threads.add(Thread.currentThread().getName()));
            writes.awaitAll();
        }
        assertThat(read[0]).hasSize(50 * 1024);
        assertThat(threads).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    @Timeout(30)
    void aStreamedTaskThatFailsOrNeverRunsStillTakesWhatIsFedAndItsFailureReachesTheCaller() throws Exception {
        HandoffStream failing = new HandoffStream();
        HandoffStream skipped = new HandoffStream();
        AtomicInteger ran = new AtomicInteger();
        try (ParallelWrites writes = new ParallelWrites(1, 64 * 1024)) {
            writes.stream(failing, () -> {
                failing.read(new byte[10], 0, 10);
                throw new IOException("size differs");
            });
            writes.stream(skipped, ran::incrementAndGet); // after the failure: does not run
            for (HandoffStream source : List.of(failing, skipped)) {
                for (int i = 0; i < 50; i++) { // would wait forever for a reader that gave up
                    source.offer(new byte[1024], 1024);
                }
                source.end();
            }
            assertThatThrownBy(writes::awaitAll).isInstanceOf(IOException.class).hasMessage("size differs");
        }
        assertThat(ran).hasValue(0);
    }
}
