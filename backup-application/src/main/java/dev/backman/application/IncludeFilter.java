package dev.backman.application;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Selects entries by glob on their archive names ({@code src/main/**}, {@code *}{@code /docs}): an entry is
 * selected when it or one of its parent directories matches. No globs select everything.
 */
final class IncludeFilter {
    private final List<PathMatcher> matchers;

    IncludeFilter(List<String> globs) {
        this.matchers = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    boolean selects(String entryPath) {
        if (matchers.isEmpty()) {
            return true;
        }
        for (String prefix = entryPath; ; ) {
            Path candidate = Path.of(prefix);
            if (matchers.stream().anyMatch(m -> m.matches(candidate))) {
                return true;
            }
            int slash = prefix.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            prefix = prefix.substring(0, slash);
        }
    }
}
