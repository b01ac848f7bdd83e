package dev.backman.filesystem.archive;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reusable byte arrays of {@link #CHUNK_SIZE} for entries a zip writer holds in memory. How many exist at once is
 * bounded by the writer's memory budget; reusing them keeps a backup's gigabytes out of the garbage collector.
 * Thread-safe.
 */
final class ChunkPool {

    static final int CHUNK_SIZE = 64 * 1024;

    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger created = new AtomicInteger();

    byte[] take() {
        byte[] chunk = free.poll();
        if (chunk == null) {
            created.incrementAndGet();
            chunk = new byte[CHUNK_SIZE];
        }
        return chunk;
    }

    void give(byte[] chunk) {
        free.offer(chunk);
    }

    /** Chunks allocated so far: the most that were in use at once. */
    int created() {
        return created.get();
    }
}
