package dev.backman.application;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs file writes of a restore on a few threads while the caller goes on reading the archive: creating, writing,
 * renaming and stamping many small files costs the kernel more than decompressing them. What waits is bounded
 * by the bytes the tasks hold. The first failure is kept and thrown to the caller; later tasks are not started.
 *
 * <p>Each task names a lane (its file's directory), and the tasks of one lane run on one thread, in order. Creating
 * or renaming a file holds its directory's lock in the kernel; two threads creating files in the same directory
 * take turns, and the waiting one spins on a core (measured: 16 % of a restore's CPU on ext4), while threads on
 * different directories do not meet.
 *
 * <p>Tasks reach their thread in batches (up to {@value #BATCH_TASKS} tasks or {@value #BATCH_BYTES} bytes), and a
 * batch still being filled is handed over by {@link #awaitAll()} at the latest: handed over one by one, each task
 * of a restore of 100,000 small files woke a parked thread, and those wake-ups (futex calls) took more CPU than
 * the restore's own file operations besides creating the files.
 */
final class ParallelWrites implements AutoCloseable {
    static final int BATCH_TASKS = 64;
    static final long BATCH_BYTES = 256 * 1024;

    /** Something to write; may throw, the failure reaches the caller of {@link #awaitAll()}. */
    interface Task {
        void run() throws IOException;
    }

    /** One writer thread and the batch being filled for it (by the caller's thread only). */
    private static final class Lane {
        final ExecutorService thread;
        List<Task> batch = new ArrayList<>();
        long batchBytes;

        Lane(ExecutorService thread) {
            this.thread = thread;
        }
    }

    private final Lane[] lanes;
    private final ExecutorService streamer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backman-restore-streamer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore budget;
    private final int budgetPermits;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private int pending;

    /**
     * {@code threads} writers holding at most {@code maxBytes} (in KiB permits) between them, besides the batches
     * being filled (at most {@value #BATCH_BYTES} bytes and one task's more for each thread).
     */
    ParallelWrites(int threads, long maxBytes) {
        this.lanes = new Lane[threads];
        for (int i = 0; i < threads; i++) {
            String name = "backman-restore-writer-" + i;
            lanes[i] = new Lane(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }));
        }
        this.budgetPermits = (int) Math.max(1, maxBytes / 1024);
        this.budget = new Semaphore(budgetPermits);
    }

    /**
     * Runs {@code task}, which holds {@code bytes} until it ends, on the writer thread of {@code lane}, after the
     * lane's earlier tasks; waits for room first when its batch is handed over. Called from one thread.
     */
    void submit(long bytes, Object lane, Task task) throws IOException {
        rethrow();
        Lane target = lanes[Math.floorMod(lane.hashCode(), lanes.length)];
        target.batch.add(task);
        target.batchBytes += bytes;
        if (target.batch.size() >= BATCH_TASKS || target.batchBytes >= BATCH_BYTES) {
            handOver(target);
        }
    }

    /**
     * Runs {@code task}, which reads {@code source}, on the streaming thread after the streaming tasks before it,
     * while the caller feeds {@code source}. The source is drained however the task ends, even when it does not run
     * (after another failure), so that the caller never waits for a reader that gave up. A large file's bytes, hashed
     * and written by the thread that decompresses the archive, kept that thread from feeding the writers meanwhile.
     */
    void stream(HandoffStream source, Task task) throws IOException {
        rethrow();
        synchronized (this) {
            pending++;
        }
        streamer.execute(() -> {
            try {
                if (failure.get() == null && !closed) {
                    task.run();
                }
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                try {
                    source.drain();
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
                synchronized (this) {
                    pending--;
                    notifyAll();
                }
            }
        });
    }

    /** Hands over the batches being filled and waits for every task submitted so far; throws the first failure. */
    void awaitAll() throws IOException {
        for (Lane lane : lanes) {
            handOver(lane);
        }
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

    private void handOver(Lane lane) throws IOException {
        if (lane.batch.isEmpty()) {
            return;
        }
        List<Task> tasks = lane.batch;
        int permits = (int) Math.min(budgetPermits, Math.max(1, lane.batchBytes / 1024));
        lane.batch = new ArrayList<>();
        lane.batchBytes = 0;
        try {
            budget.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while restoring");
        }
        synchronized (this) {
            pending++;
        }
        lane.thread.execute(() -> {
            try {
                for (Task task : tasks) {
                    if (failure.get() != null || closed) {
                        break;
                    }
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

    /** Stops the threads after the tasks running now, so that nothing is written once the caller cleans up. */
    @Override
    public void close() {
        closed = true;
        for (Lane lane : lanes) {
            lane.thread.shutdownNow();
        }
        streamer.shutdownNow();
        try {
            for (Lane lane : lanes) {
                lane.thread.awaitTermination(1, TimeUnit.MINUTES);
            }
            streamer.awaitTermination(1, TimeUnit.MINUTES);
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
