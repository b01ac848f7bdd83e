package dev.backman.filesystem.archive;

import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ParallelScatterZipCreator;
import org.apache.commons.compress.archivers.zip.ScatterZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntryRequest;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zip file entries compressed on a pool of threads ({@link ParallelScatterZipCreator}): each worker reads, hashes
 * and deflates (or stores, if a sample shows the file does not compress) whole files into its own temporary
 * file, and {@link #writeTo} copies the finished entries into the zip.
 */
final class ParallelZipEntries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelZipEntries.class);
    /** Files opened but not yet compressed, per thread: bounds open descriptors and queued work. */
    private static final int QUEUED_PER_THREAD = 4;

    private final ContentLedger ledger;
    private final ZipEntryFactory entries;
    private final ExecutorService pool;
    private final TempFileBackingStores stores;
    private final ParallelScatterZipCreator creator;
    private final CompressibilityProbe probe = new CompressibilityProbe();
    private final Semaphore queued;
    private final Set<InputStream> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    ParallelZipEntries(int threads, Path tempDirectory, ContentLedger ledger, ZipEntryFactory entries) {
        this.ledger = ledger;
        this.entries = entries;
        this.pool = CompressionThreads.pool("backman-zip", threads);
        this.stores = new TempFileBackingStores(tempDirectory);
        this.creator = new ParallelScatterZipCreator(pool, stores, Deflater.DEFAULT_COMPRESSION);
        this.queued = new Semaphore(QUEUED_PER_THREAD * threads);
    }

    /**
     * Opens the file now, so that a missing or unreadable file fails here, and queues it for a worker; blocks
     * while enough files are already waiting. A failure of an earlier file is reported as soon as it is known.
     */
    void add(FileEntry entry, Path source) throws IOException {
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw asIOException(failure);
        }
        try {
            queued.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while queueing " + entry.path());
        }
        InputStream in;
        try {
            in = Files.newInputStream(source);
        } catch (IOException | RuntimeException e) {
            queued.release();
            throw e;
        }
        waiting.add(in);
        Callable<ScatterZipOutputStream> compress = creator.createCallable(() -> request(entry, in));
        creator.submitStreamAwareCallable(() -> {
            try {
                return compress.call();
            } catch (Exception | Error e) {
                firstFailure.compareAndSet(null, e);
                closeQuietly(in);
                throw e;
            } finally {
                waiting.remove(in);
                queued.release();
            }
        });
    }

    /** Waits for every file to be compressed and appends the entries to {@code zip}. */
    void writeTo(ZipArchiveOutputStream zip) throws IOException {
        try {
            creator.writeTo(zip);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing the zip archive");
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        }
    }

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
        waiting.forEach(ParallelZipEntries::closeQuietly); // files queued for workers that never ran
        stores.close();
        probe.close();
    }

    /** Runs in a worker: samples the open file to pick the method, then streams it through the hasher. */
    private ZipArchiveEntryRequest request(FileEntry entry, InputStream in) {
        try {
            Sampled sampled = Sampled.read(in, entry.size());
            int method = probe.worthDeflating(sampled.sample(), sampled.length())
                    ? ZipArchiveEntry.DEFLATED : ZipArchiveEntry.STORED;
            InputStream payload = new ExactSizeHashingInputStream(sampled.stream(), entry.size(), entry.path(),
                    ledger);
            return ZipArchiveEntryRequest.createZipArchiveEntryRequest(entries.file(entry, method), () -> payload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.path(), e);
        }
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

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("ignored", e);
        }
    }
}
