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
        CountDownLatch failed = new CountDownLatch(1);
        try (ParallelWrites writes = new ParallelWrites(1, 64 * 1024)) {
            writes.submit(1024, "dir", () -> {
                failed.countDown();
                throw new IOException("No space left on device");
            });
            failed.await();
            // submitted after the failure: either refused at once or skipped by the writer thread
            try {
                writes.submit(1024, "dir", ranAfterFailure::incrementAndGet);
            } catch (IOException refused) {
                assertThat(refused).hasMessage("No space left on device");
            }
            assertThatThrownBy(writes::awaitAll).isInstanceOf(IOException.class)
                    .hasMessage("No space left on device");
        }
        assertThat(ranAfterFailure).hasValue(0);
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
}
