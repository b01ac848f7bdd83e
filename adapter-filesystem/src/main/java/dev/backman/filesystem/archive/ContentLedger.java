package dev.backman.filesystem.archive;

import dev.backman.domain.port.WriteSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Collects, from any compression thread, the SHA-256 and CRC-32C of every stored file and which files changed while
 * read, and passes on how many content bytes were read (progress).
 */
final class ContentLedger {
    private static final LongConsumer IGNORED = n -> { };

    private final Map<String, String> sha256ByPath = new ConcurrentHashMap<>();
    private final Map<String, Integer> crc32cByPath = new ConcurrentHashMap<>();
    private final Set<String> changedWhileRead = ConcurrentHashMap.newKeySet();
    private final LongConsumer bytesRead;

    ContentLedger() {
        this(IGNORED);
    }

    /** With {@code bytesRead} told of every chunk of content read, from the reading thread. */
    ContentLedger(LongConsumer bytesRead) {
        this.bytesRead = bytesRead;
    }

    /** {@code n} more bytes of some file's content were read. */
    void read(long n) {
        bytesRead.accept(n);
    }

    void record(String path, String sha256, int crc32c, boolean changed) {
        sha256ByPath.put(path, sha256);
        crc32cByPath.put(path, crc32c);
        if (changed) {
            changedWhileRead.add(path);
        }
    }

    /** The summary; changed paths sorted so that parallel writers report them deterministically. */
    WriteSummary summary() {
        List<String> changed = new ArrayList<>(changedWhileRead);
        Collections.sort(changed);
        return new WriteSummary(sha256ByPath, changed, crc32cByPath);
    }
}
