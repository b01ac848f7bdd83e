package dev.backman.domain.port;

import java.util.List;

/**
 * What a scan leaves out.
 *
 * @param excludePatterns  see {@link dev.backman.domain.model.BackupConfig#excludePatterns()}
 * @param includeHidden    whether names starting with '.' below a root are included
 * @param maxFileSizeBytes larger regular files are skipped; 0 means no limit
 */
public record ScanRules(List<String> excludePatterns, boolean includeHidden, long maxFileSizeBytes) {
    /**
     * Checks the components.
     *
     * @param excludePatterns see {@link dev.backman.domain.model.BackupConfig#excludePatterns()}
     * @param includeHidden whether names starting with '.' below a root are included
     * @param maxFileSizeBytes larger regular files are skipped; 0 means no limit
     */
    public ScanRules {
        excludePatterns = List.copyOf(excludePatterns);
    }
}
