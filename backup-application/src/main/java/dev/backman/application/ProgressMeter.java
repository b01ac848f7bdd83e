package dev.backman.application;

import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ProgressListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Counts the work of one phase and tells the listener, throttled: when the files done pass a multiple of
 * {@link #FILE_STEP}, when the bytes done pass a multiple of {@link #BYTE_STEP}, and at the start and the end of
 * the phase. Any thread may count (compression workers report the bytes they read); counting costs an atomic add,
 * and a report is skipped rather than waited for when another thread is reporting, so the listener is never called
 * twice at once and the counts it sees never decrease. Done counts are capped at known totals.
 */
final class ProgressMeter implements LongConsumer {
    static final long FILE_STEP = 64;
    static final long BYTE_STEP = 1L << 20;

    private final ProgressListener listener;
    private final Progress.Phase phase;
    private final long filesTotal;
    private final long bytesTotal;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final ReentrantLock reporting = new ReentrantLock();
    private long reportedFiles = -1; // guarded by reporting
    private long reportedBytes = -1;
    private boolean finished;

    /** A phase whose totals are known; 0 for a total that is not. Reports the start at once. */
    static ProgressMeter start(ProgressListener listener, Progress.Phase phase, long filesTotal, long bytesTotal) {
        ProgressMeter meter = new ProgressMeter(listener, phase, filesTotal, bytesTotal);
        meter.report(true);
        return meter;
    }

    private ProgressMeter(ProgressListener listener, Progress.Phase phase, long filesTotal, long bytesTotal) {
        this.listener = listener;
        this.phase = phase;
        this.filesTotal = filesTotal;
        this.bytesTotal = bytesTotal;
    }

    /** {@code n} more bytes were processed (read, written, sent); callable from any thread. */
    @Override
    public void accept(long n) {
        long after = bytes.addAndGet(n);
        if ((after - n) / BYTE_STEP != after / BYTE_STEP) {
            report(false);
        }
    }

    /** {@code count} more files are done, with {@code moreBytes} bytes not counted through {@link #accept}. */
    void filesDone(long count, long moreBytes) {
        long before = files.getAndAdd(count);
        long bytesAfter = moreBytes > 0 ? bytes.addAndGet(moreBytes) : bytes.get();
        if (before / FILE_STEP != (before + count) / FILE_STEP
                || (bytesAfter - moreBytes) / BYTE_STEP != bytesAfter / BYTE_STEP) {
            report(false);
        }
    }

    /** One more file done, its bytes counted already. */
    void fileDone() {
        filesDone(1, 0);
    }

    /** Bytes counted so far. */
    long bytes() {
        return bytes.get();
    }

    /**
     * Ends the phase: reports the totals as done (the counts when totals are unknown, as after a scan), after any
     * report still running on another thread. Nothing is reported after this.
     */
    void finish() {
        reporting.lock();
        try {
            long f = filesTotal > 0 ? filesTotal : files.get();
            long b = bytesTotal > 0 ? bytesTotal : bytes.get();
            finished = true;
            listener.onProgress(new Progress(phase, f, filesTotal > 0 ? filesTotal : f, b,
                    bytesTotal > 0 ? bytesTotal : b));
        } finally {
            reporting.unlock();
        }
    }

    private void report(boolean always) {
        if (!reporting.tryLock()) {
            return; // another thread is reporting; a later step reports these counts
        }
        try {
            long f = capped(files.get(), filesTotal);
            long b = capped(bytes.get(), bytesTotal);
            if (finished || (!always && f == reportedFiles && b == reportedBytes)) {
                return;
            }
            reportedFiles = f;
            reportedBytes = b;
            listener.onProgress(new Progress(phase, f, filesTotal, b, bytesTotal));
        } finally {
            reporting.unlock();
        }
    }

    private static long capped(long done, long total) {
        return total > 0 ? Math.min(done, total) : done;
    }
}
