package dev.backman.domain.port;

import dev.backman.domain.model.SourceRoot;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Walks source trees. Symlinks are reported as links, never followed (a root that is itself a symlink is
 * resolved once). Excluded directories are not descended. Unreadable files and directories, and special
 * files (FIFOs, sockets, devices), are reported as skipped with a reason instead of failing the scan.
 */
public interface SourceScanner {
    /**
     * Walks the source roots.
     *
     * @param roots the source roots
     * @param rules exclusions, hidden files and size limit
     * @return what the scan found and what it skipped
     */
    ScanResult scan(List<SourceRoot> roots, ScanRules rules);

    /**
     * Like {@link #scan(List, ScanRules)}, telling {@code fileFound} the size of each regular file it takes, as it
     * finds them, on the scanning thread (a host shows the scan advancing). Scanners that cannot tell ignore it.
     *
     * @param roots     the source roots
     * @param rules     exclusions, hidden files and size limit
     * @param fileFound told the size of each regular file taken
     * @return what the scan found and what it skipped
     */
    default ScanResult scan(List<SourceRoot> roots, ScanRules rules, LongConsumer fileFound) {
        return scan(roots, rules);
    }
}
