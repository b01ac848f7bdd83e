package dev.backman.domain.port;

import dev.backman.domain.model.SkippedFile;
import java.util.List;

/**
 * Everything a scan found (parents before children, siblings sorted by name) and what it left out and why.
 *
 * @param entries what was found, in order
 * @param skipped what was left out, with reasons
 */
public record ScanResult(List<ScannedEntry> entries, List<SkippedFile> skipped) {
    /**
     * Copies the lists.
     *
     * @param entries what was found, in order
     * @param skipped what was left out, with reasons
     */
    public ScanResult {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }
}
