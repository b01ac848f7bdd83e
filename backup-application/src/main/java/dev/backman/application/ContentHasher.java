package dev.backman.application;

import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ScannedEntry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hashes, on a background thread, the source files whose digest decides how they are stored, in the order the
 * archive will reach them: the hashing runs ahead of the archiving instead of before it.
 */
final class ContentHasher implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backman-prehash");
        t.setDaemon(true);
        return t;
    });
    private final Map<ScannedEntry, Future<String>> digests = new IdentityHashMap<>();

    /** Starts hashing {@code files}, in order. */
    ContentHasher(Checksums checksums, List<ScannedEntry> files) {
        for (ScannedEntry file : files) {
            digests.put(file, thread.submit(() -> hash(checksums, file)));
        }
    }

    /** The SHA-256 of a file given to the constructor, waiting for it; null if it was not given or is unreadable. */
    String digestOf(ScannedEntry file) throws InterruptedIOException {
        Future<String> digest = digests.get(file);
        if (digest == null) {
            return null;
        }
        try {
            return digest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing " + file.source());
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing " + file.source() + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private static String hash(Checksums checksums, ScannedEntry file) {
        try {
            return checksums.sha256(file.source());
        } catch (IOException | UncheckedIOException e) {
            return null; // left for the archiver, which reports the file as unreadable
        }
    }
}
