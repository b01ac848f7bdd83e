package dev.backman.filesystem.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;

/**
 * Flushes a file that is still being written to disk in the background, a piece at a time, so that the fsync
 * making it durable at the end finds little left to write: without it a 550 MB archive waited a quarter of a second
 * after its last byte for the whole of its writeback, with nothing else to do. One flush runs at a time. A failed
 * flush is kept and thrown by the next write or by {@link #finish()}: the kernel reports a writeback error to one
 * fsync only, so the final one could not see it again. Not thread-safe: called by the object's one writer.
 */
final class BackgroundSync {
    /** Flushes a file's data (not its metadata) to disk; replaced in tests. */
    @FunctionalInterface
    interface DataSync {
        void sync(FileChannel channel) throws IOException;
    }

    static final long DEFAULT_INTERVAL = 32L << 20;

    private final FileChannel channel;
    private final long interval;
    private final DataSync dataSync;
    private long unsynced;
    private Thread running;
    private volatile IOException failure;

    BackgroundSync(FileChannel channel, long interval, DataSync dataSync) {
        this.channel = channel;
        this.interval = interval;
        this.dataSync = dataSync;
    }

    /** Counts {@code bytes} just written; starts a flush once {@code interval} bytes wait and none is running. */
    void written(long bytes) throws IOException {
        throwFailure();
        unsynced += bytes;
        if (unsynced >= interval && (running == null || !running.isAlive())) {
            unsynced = 0;
            running = new Thread(this::sync, "backman-sync");
            running.setDaemon(true);
            running.start();
        }
    }

    /** Waits for the flush in flight, if any, and throws the failure of any flush. */
    void finish() throws IOException {
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while flushing to disk");
            }
        }
        throwFailure();
    }

    private void sync() {
        try {
            dataSync.sync(channel);
        } catch (ClosedChannelException e) {
            // the object was discarded meanwhile: nothing to make durable
        } catch (IOException e) {
            failure = e;
        }
    }

    private void throwFailure() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }
}
