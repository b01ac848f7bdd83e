package dev.backman.filesystem.scan;

import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.SourceRoot;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScanRules;
import dev.backman.domain.port.ScannedEntry;
import dev.backman.domain.port.SourceScanner;
import java.nio.file.FileSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans source roots on the local file system with one attribute read per entry, several directories at a time,
 * into the same order every time (parents before children, siblings by name). Skipped entries are reported
 * with their absolute path on disk, so a user can find and fix them.
 */
public final class FileSystemSourceScanner implements SourceScanner {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemSourceScanner.class);
    /**
     * Directories are read by this many threads: a scan is system calls and small objects. The first scan of the
     * benchmark's 49,593-entry tree took 1.34 s on one core and 0.78 s on two; more threads help a cold cache.
     */
    private static final int THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * A named daemon thread, so a scan shows as such in a thread dump and never keeps a JVM alive. (Numbered by the
     * scan: a worker's pool index is not assigned yet while it is constructed.)
     */
    private static final class ScanThread extends ForkJoinWorkerThread {
        ScanThread(ForkJoinPool pool, int number) {
            super(pool);
            setName("backman-scan-" + number);
            setDaemon(true);
        }
    }

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
        AtomicInteger threads = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(THREADS, p -> new ScanThread(p, threads.getAndIncrement()), null,
                false);
        // one reader per file system and scan: choosing one looks up the JDK's attribute accessors
        Map<FileSystem, AttributeReader> readers = new HashMap<>();
        try {
            for (SourceRoot root : roots) {
                new RootWalker(root, exclusions, sizeLimit, entries, skipped, fileFound, pool,
                        fileSystem -> readers.computeIfAbsent(fileSystem, AttributeReader::forFileSystem)).walk();
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.debug("scanned {} root(s): {} entries, {} skipped in {} ms", roots.size(), entries.size(), skipped.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new ScanResult(entries, skipped);
    }
}
