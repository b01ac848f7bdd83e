package dev.backman.application;

import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ScannedEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Hashes source files in parallel, before archiving, where their digest decides how they are stored. */
final class ContentHasher {
    private final Checksums checksums;

    ContentHasher(Checksums checksums) {
        this.checksums = checksums;
    }

    /** SHA-256 by archive path; files that cannot be read are left out (the archiver reports them). */
    Map<String, String> hash(List<ScannedEntry> files) {
        Map<String, String> digests = new ConcurrentHashMap<>();
        files.parallelStream().forEach(file -> {
            try {
                digests.put(file.archivePath(), checksums.sha256(file.source()));
            } catch (IOException | UncheckedIOException e) {
                // left for the archiver, which reports the file as unreadable
            }
        });
        return digests;
    }
}
