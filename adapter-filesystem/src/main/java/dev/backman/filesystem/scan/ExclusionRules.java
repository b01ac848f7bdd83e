package dev.backman.filesystem.scan;

import dev.backman.domain.port.ScanRules;
import java.util.ArrayList;
import java.util.List;

/** Decides which entries below a source root are left out silently (hidden names and exclude patterns). */
final class ExclusionRules {
    private final boolean includeHidden;
    private final List<ExcludePattern> anyType;
    private final List<ExcludePattern> directoriesOnly;

    private ExclusionRules(boolean includeHidden, List<ExcludePattern> anyType, List<ExcludePattern> directoriesOnly) {
        this.includeHidden = includeHidden;
        this.anyType = anyType;
        this.directoriesOnly = directoriesOnly;
    }

    static ExclusionRules from(ScanRules rules) {
        List<ExcludePattern> anyType = new ArrayList<>();
        List<ExcludePattern> directoriesOnly = new ArrayList<>();
        for (String text : rules.excludePatterns()) {
            ExcludePattern pattern = text == null ? null : ExcludePattern.parse(text);
            if (pattern != null) {
                (pattern.directoriesOnly() ? directoriesOnly : anyType).add(pattern);
            }
        }
        return new ExclusionRules(rules.includeHidden(), List.copyOf(anyType), List.copyOf(directoriesOnly));
    }

    /** Decided from the name alone, so that excluded entries cost no system call. */
    boolean excludes(String name, String relative) {
        if (!includeHidden && name.startsWith(".")) {
            return true;
        }
        return anyMatches(anyType, name, relative);
    }

    boolean excludesDirectory(String name, String relative) {
        return anyMatches(directoriesOnly, name, relative);
    }

    private static boolean anyMatches(List<ExcludePattern> patterns, String name, String relative) {
        for (ExcludePattern pattern : patterns) {
            if (pattern.matches(name, relative)) {
                return true;
            }
        }
        return false;
    }
}
