package dev.backman.application;

import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ScannedEntry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongPredicate;

/**
 * Hashes, on a background thread, the source files whose digest decides how they are stored, in the order the
 * archive will reach them: the hashing runs ahead of the archiving instead of before it.
 *
 * <p>A file is a candidate because another file has its size. Most such pairs differ at once, so a larger file is
 * first fingerprinted by its ends ({@link Checksums#sha256OfEnds}); one whose size and fingerprint no other candidate
 * shares cannot be a copy of one, and is left for the archiver to hash as it stores it (its digest here is null).
 * The files of one size are fingerprinted when the first of them is reached, so hashing still starts at once.
 * On the mixed benchmark corpus this leaves 117 of the 432 MB of candidates to be read twice. A file whose size the
 * chain already holds is always hashed whole: the chain knows its contents by full digest only.
 */
final class ContentHasher implements AutoCloseable {
    /** Bytes fingerprinted at each end of a candidate; smaller candidates are hashed whole at once. */
    static final int EDGE_BYTES = 4096;

    private final Map<ScannedEntry, CompletableFuture<String>> digests = new IdentityHashMap<>();
    private final Thread thread;

    /** Starts hashing {@code files}, in order; {@code sizeInChain} says which sizes the chain holds contents of. */
    ContentHasher(Checksums checksums, List<ScannedEntry> files, LongPredicate sizeInChain) {
        for (ScannedEntry file : files) {
            digests.put(file, new CompletableFuture<>());
        }
        thread = new Thread(() -> hashAll(checksums, files, sizeInChain), "backman-prehash");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The SHA-256 of a file given to the constructor, waiting for it; null if it was not given, is unreadable, or
     * cannot be a copy of another (see the class comment).
     */
    String digestOf(ScannedEntry file) throws InterruptedIOException {
        CompletableFuture<String> digest = digests.get(file);
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
        thread.interrupt();
    }

    private void hashAll(Checksums checksums, List<ScannedEntry> files, LongPredicate sizeInChain) {
        try {
            Map<Long, List<ScannedEntry>> bySize = new HashMap<>();
            for (ScannedEntry file : files) {
                if (file.size() > 2L * EDGE_BYTES && !sizeInChain.test(file.size())) {
                    bySize.computeIfAbsent(file.size(), size -> new ArrayList<>()).add(file);
                }
            }
            Map<ScannedEntry, String> fingerprints = new IdentityHashMap<>();
            Map<String, Integer> sharing = new HashMap<>();
            for (ScannedEntry file : files) {
                List<ScannedEntry> sameSize = bySize.remove(file.size());
                if (sameSize != null) { // the first of its size: its group is fingerprinted now, no sooner
                    for (ScannedEntry member : sameSize) {
                        String fingerprint = fingerprint(checksums, member);
                        fingerprints.put(member, fingerprint);
                        sharing.merge(fingerprint, 1, Integer::sum);
                    }
                }
                String fingerprint = fingerprints.get(file);
                boolean mayBeACopy = fingerprint == null || sharing.get(fingerprint) > 1;
                digests.get(file).complete(mayBeACopy ? hash(checksums, file) : null);
                if (Thread.interrupted()) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            digests.values().forEach(digest -> digest.completeExceptionally(e));
        }
    }

    /** Size and fingerprint; an unreadable file gets a key of its own: the archiver meets it and reports it. */
    private static String fingerprint(Checksums checksums, ScannedEntry file) {
        try {
            return file.size() + ":" + checksums.sha256OfEnds(file.source(), EDGE_BYTES);
        } catch (IOException | UncheckedIOException e) {
            return file.size() + ":unreadable:" + file.archivePath();
        }
    }

    private static String hash(Checksums checksums, ScannedEntry file) {
        try {
            return checksums.sha256(file.source());
        } catch (IOException | UncheckedIOException e) {
            return null; // left for the archiver, which reports the file as unreadable
        }
    }
}
