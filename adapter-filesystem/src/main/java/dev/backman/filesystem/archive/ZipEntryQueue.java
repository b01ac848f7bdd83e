package dev.backman.filesystem.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A zip's entries in the order they were added. Files are compressed on a pool of threads while the caller goes
 * on adding, and the caller's thread copies each finished entry into the zip once every entry before it is
 * written. What waits is bounded: memory held by payloads, files open for reading and temporary files. When a
 * bound is reached, adding waits for the oldest entry and writes it. Used from one thread, besides its pool.
 */
final class ZipEntryQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZipEntryQueue.class);

    /** Bounds on what waits to be written. */
    record Limits(long memory, int spills, int openFiles) {
    }

    private final ZipArchiveOutputStream zip;
    private final ExecutorService pool;
    private final Limits limits;
    private final Semaphore openFiles;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong memoryInUse = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private int spillsInUse;

    ZipEntryQueue(ZipArchiveOutputStream zip, ExecutorService pool, Limits limits) {
        this.zip = zip;
        this.pool = pool;
        this.limits = limits;
        this.openFiles = new Semaphore(limits.openFiles());
    }

    /**
     * Makes room for an entry that will hold {@code memory} bytes and {@code spills} temporary files, writing the
     * oldest entries until it fits; fails if an earlier entry failed.
     */
    void reserve(long memory, int spills) throws IOException {
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw asIOException(failure);
        }
        while (!pending.isEmpty()
                && (memoryInUse.get() + memory > limits.memory() || spillsInUse + spills > limits.spills())) {
            writeOldest();
        }
        memoryInUse.addAndGet(memory);
        spillsInUse += spills;
    }

    /** Gives back a reservation whose entry could not be added after all. */
    void cancel(long memory, int spills) {
        memoryInUse.addAndGet(-memory);
        spillsInUse -= spills;
    }

    /** Opens a source for a worker, waiting while too many are open; it stays counted until the worker closes it. */
    <T extends Closeable> T open(IoSupplier<T> opener) throws IOException {
        try {
            openFiles.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to open a file");
        }
        try {
            T source = opener.get();
            open.add(source);
            return source;
        } catch (IOException | RuntimeException e) {
            openFiles.release();
            throw e;
        }
    }

    /** Adds an entry that is complete now, with the reservation made for it. */
    void add(CompressedEntry entry, long reserved, int spills) throws IOException {
        memoryInUse.addAndGet(entry.memory() - reserved);
        pending.addLast(new Pending(CompletableFuture.completedFuture(entry), spills));
        writeFinished();
    }

    /**
     * Adds an entry compressed on the pool by {@code work}, with the reservation made for it; {@code source}, if
     * not null, came from {@link #open} and is closed when the work ends.
     */
    void submit(Callable<CompressedEntry> work, long reserved, int spills, Closeable source) throws IOException {
        Future<CompressedEntry> result = pool.submit(() -> {
            try {
                CompressedEntry entry = work.call();
                memoryInUse.addAndGet(entry.memory() - reserved);
                return entry;
            } catch (Exception | Error e) {
                firstFailure.compareAndSet(null, e);
                throw e;
            } finally {
                if (source != null) {
                    closeQuietly(source);
                    open.remove(source);
                    openFiles.release();
                }
            }
        });
        pending.addLast(new Pending(result, spills));
        writeFinished();
    }

    /** Writes every entry, waiting for those still being compressed; fails if any entry failed, even one reported. */
    void writeAll() throws IOException {
        while (!pending.isEmpty()) {
            writeOldest();
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw asIOException(failure); // an archive missing an entry must never be finished
        }
    }

    /** Stops the pool and releases what unwritten entries hold; the files they read are closed. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("zip compression threads did not stop; temporary files may stay behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending entry : pending) {
            Future<CompressedEntry> result = entry.result();
            if (result.isDone() && !result.isCancelled()) {
                try {
                    result.get().payload().release();
                } catch (ExecutionException | InterruptedException | CancellationException e) {
                    LOG.debug("ignored while abandoning a zip archive", e);
                }
            }
        }
        pending.clear();
        open.forEach(ZipEntryQueue::closeQuietly); // sources of work that never ran
        open.clear();
    }

    private void writeFinished() throws IOException {
        while (!pending.isEmpty() && pending.peekFirst().result().isDone()) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        Pending oldest = pending.removeFirst();
        CompressedEntry entry;
        try {
            entry = oldest.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing the zip archive");
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        }
        memoryInUse.addAndGet(-entry.memory());
        spillsInUse -= oldest.spills();
        entry.writeTo(zip);
    }

    private static IOException asIOException(Throwable cause) {
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException("zip compression failed", cause);
    }

    private static void closeQuietly(Closeable source) {
        try {
            source.close();
        } catch (IOException e) {
            LOG.debug("ignored", e);
        }
    }

    /** An I/O action that yields a value. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    private record Pending(Future<CompressedEntry> result, int spills) {
    }
}
