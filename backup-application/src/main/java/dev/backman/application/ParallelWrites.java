package dev.backman.application;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs file writes of a restore on a few threads while the caller goes on reading the archive: creating, writing,
 * renaming and stamping many small files costs the kernel more than decompressing them. What waits is bounded
 * by the bytes the tasks hold. The first failure is kept and thrown to the caller; later tasks are not started.
 */
final class ParallelWrites implements AutoCloseable {
    /** Something to write; may throw, the failure reaches the caller of {@link #awaitAll()}. */
    interface Task {
        void run() throws IOException;
    }

    private final ExecutorService pool;
    private final Semaphore budget;
    private final int budgetPermits;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int pending;

    /** {@code threads} writers holding at most {@code maxBytes} (in KiB permits) between them. */
    ParallelWrites(int threads, long maxBytes) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "backman-restore-writer");
            t.setDaemon(true);
            return t;
        });
        this.budgetPermits = (int) Math.max(1, maxBytes / 1024);
        this.budget = new Semaphore(budgetPermits);
    }

    /** Runs {@code task}, which holds {@code bytes} until it ends, on a writer thread; waits for room first. */
    void submit(long bytes, Task task) throws IOException {
        rethrow();
        int permits = (int) Math.min(budgetPermits, Math.max(1, bytes / 1024));
        try {
            budget.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while restoring");
        }
        synchronized (this) {
            pending++;
        }
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    task.run();
                }
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                budget.release(permits);
                synchronized (this) {
                    pending--;
                    notifyAll();
                }
            }
        });
    }

    /** Waits for every task submitted so far; throws the first failure. */
    void awaitAll() throws IOException {
        synchronized (this) {
            while (pending > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while restoring");
                }
            }
        }
        rethrow();
    }

    /** Stops the threads after the tasks running now, so that nothing is written once the caller cleans up. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws IOException {
        Throwable first = failure.get();
        if (first instanceof IOException io) {
            throw io;
        } else if (first instanceof RuntimeException runtime) {
            throw runtime;
        } else if (first instanceof Error error) {
            throw error;
        } else if (first != null) {
            throw new UncheckedIOException(new IOException(first));
        }
    }
}
