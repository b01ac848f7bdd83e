package dev.backman.domain.port;

import dev.backman.domain.model.SourceRoot;
import java.util.List;

/**
 * Walks source trees. Symlinks are reported as links, never followed (a root that is itself a symlink is
 * resolved once). Excluded directories are not descended. Unreadable files and directories, and special
 * files (FIFOs, sockets, devices), are reported as skipped with a reason instead of failing the scan.
 */
public interface SourceScanner {
    ScanResult scan(List<SourceRoot> roots, ScanRules rules);
}
