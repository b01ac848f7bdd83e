package dev.backman.domain.port;

import dev.backman.domain.model.SkippedFile;
import java.util.List;

/** Everything a scan found (parents before children, siblings sorted by name) and what it left out and why. */
public record ScanResult(List<ScannedEntry> entries, List<SkippedFile> skipped) {
    public ScanResult {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }
}
