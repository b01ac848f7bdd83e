package dev.backman.filesystem.scan;

import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.SourceRoot;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScanRules;
import dev.backman.domain.port.ScannedEntry;
import dev.backman.domain.port.SourceScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans source roots on the local file system with one attribute read per entry. Skipped entries are reported
 * with their absolute path on disk, so a user can find and fix them.
 */
public final class FileSystemSourceScanner implements SourceScanner {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemSourceScanner.class);

    /** A scanner of local directory trees. */
    public FileSystemSourceScanner() {
    }

    @Override
    public ScanResult scan(List<SourceRoot> roots, ScanRules rules) {
        return scan(roots, rules, size -> { });
    }

    @Override
    public ScanResult scan(List<SourceRoot> roots, ScanRules rules, LongConsumer fileFound) {
        long started = System.nanoTime();
        ExclusionRules exclusions = ExclusionRules.from(rules);
        SizeLimit sizeLimit = new SizeLimit(rules.maxFileSizeBytes());
        List<ScannedEntry> entries = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (SourceRoot root : roots) {
            new RootWalker(root, exclusions, sizeLimit, entries, skipped, fileFound).walk();
        }
        LOG.debug("scanned {} root(s): {} entries, {} skipped in {} ms", roots.size(), entries.size(), skipped.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new ScanResult(entries, skipped);
    }
}
