package dev.backman.s3;

import java.io.InterruptedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part buffers of one upload: at most {@code limit} exist at once, so an upload's memory is bounded by
 * {@code limit * partSize} whatever the object's size. The writer blocks in {@link #take} until an upload returns one.
 */
final class PartBuffers {
    private final int partSize;
    private final Semaphore permits;
    private final Queue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicLong allocations;

    /** {@code allocations} counts every buffer created (shared by a storage's uploads, read by tests). */
    PartBuffers(int partSize, int limit, AtomicLong allocations) {
        this.partSize = partSize;
        this.permits = new Semaphore(limit);
        this.allocations = allocations;
    }

    int partSize() {
        return partSize;
    }

    /** A recycled full-size buffer, or a new one of {@code initialSize} (small objects need not allocate a part). */
    byte[] take(int initialSize) throws InterruptedIOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a part upload");
        }
        byte[] recycled = free.poll();
        if (recycled != null) {
            return recycled;
        }
        allocations.incrementAndGet();
        return new byte[Math.min(initialSize, partSize)];
    }

    /** Returns a buffer taken with {@link #take}; only full-size ones are kept for reuse. */
    void give(byte[] buffer) {
        if (buffer.length == partSize) {
            free.offer(buffer);
        }
        permits.release();
    }
}
