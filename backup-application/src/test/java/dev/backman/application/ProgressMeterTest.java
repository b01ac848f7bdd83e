package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    private final List<Progress> seen = new ArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final ProgressListener recording = new ProgressListener() {
        @Override
        public void onProgress(Progress progress) {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            seen.add(progress); // safe only because calls never overlap, which this test checks
            inside.decrementAndGet();
        }
    };

    @Test
    void reportsTheStartAndTheTotalsAtTheEnd() {
        ProgressMeter meter = ProgressMeter.start(recording, Progress.Phase.RESTORING, 3, 300);
        meter.filesDone(3, 300);
        meter.finish();

        assertThat(seen.get(0)).isEqualTo(new Progress(Progress.Phase.RESTORING, 0, 3, 0, 300));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new Progress(Progress.Phase.RESTORING, 3, 3, 300, 300));
    }

    @Test
    void smallStepsAreNotReportedOneByOne() {
        ProgressMeter meter = ProgressMeter.start(recording, Progress.Phase.ARCHIVING, 1, 4L << 20);
        for (int i = 0; i < 1024; i++) {
            meter.accept(4096); // 4 MiB in 4 KiB chunks
        }
        meter.fileDone();
        meter.finish();

        // the start, one per MiB passed, the end: never one per chunk
        assertThat(seen).hasSizeBetween(5, 7);
        assertThat(seen).extracting(Progress::bytesDone).isSorted();
    }

    @Test
    void filesAreReportedEverySixtyFourthFile() {
        ProgressMeter meter = ProgressMeter.start(recording, Progress.Phase.SCANNING, 0, 0);
        for (int i = 0; i < 640; i++) {
            meter.filesDone(1, 10);
        }
        meter.finish();

        assertThat(seen).hasSize(1 + 10 + 1);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new Progress(Progress.Phase.SCANNING, 640, 640, 6400, 6400));
        assertThat(seen.subList(0, seen.size() - 1)).allSatisfy(p -> assertThat(p.filesTotal()).isZero());
    }

    @Test
    void countsBeyondTheTotalsAreCapped() {
        ProgressMeter meter = ProgressMeter.start(recording, Progress.Phase.VERIFYING, 1, 1000);
        meter.accept(5L << 20); // a zip reader may read more than the archive's size
        meter.finish();

        assertThat(seen).allSatisfy(p -> assertThat(p.bytesDone()).isLessThanOrEqualTo(1000));
    }

    @Test
    void threadsCountingAtOnceNeverCallTheListenerTwiceAtOnceNorGoBackwards() throws InterruptedException {
        int threads = 4;
        long perThread = 64L << 20;
        ProgressMeter meter = ProgressMeter.start(recording, Progress.Phase.ARCHIVING, threads,
                threads * perThread);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                awaitQuietly(go);
                for (long done = 0; done < perThread; done += 64 * 1024) {
                    meter.accept(64 * 1024);
                }
                meter.fileDone();
            });
            worker.start();
            workers.add(worker);
        }
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        meter.finish();

        assertThat(overlaps).hasValue(0);
        assertThat(seen).extracting(Progress::bytesDone).isSorted();
        assertThat(seen).extracting(Progress::filesDone).isSorted();
        assertThat(seen.get(seen.size() - 1).bytesDone()).isEqualTo(threads * perThread);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
