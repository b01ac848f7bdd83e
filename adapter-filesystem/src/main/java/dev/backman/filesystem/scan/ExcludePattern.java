package dev.backman.filesystem.scan;

import java.util.function.Predicate;

/**
 * One configured exclude pattern. Without {@code /} it is matched against each path component; with {@code /} it
 * is matched against the path relative to the source root. A leading {@code /} or {@code ./} only anchors the
 * pattern to the root, and a trailing {@code /} limits it to directories (as in {@code .gitignore}).
 */
record ExcludePattern(Predicate<String> matcher, boolean onPath, boolean directoriesOnly) {

    /** Returns null for a pattern that is empty once its slashes are stripped. */
    static ExcludePattern parse(String pattern) {
        String text = pattern;
        boolean directoriesOnly = false;
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
            directoriesOnly = true;
        }
        boolean anchored = false;
        while (text.startsWith("/") || text.startsWith("./")) {
            text = text.substring(text.charAt(0) == '/' ? 1 : 2);
            anchored = true;
        }
        if (text.isEmpty()) {
            return null;
        }
        return new ExcludePattern(matcherFor(text), anchored || text.indexOf('/') >= 0, directoriesOnly);
    }

    boolean matches(String name, String relative) {
        return matcher.test(onPath ? relative : name);
    }

    private static Predicate<String> matcherFor(String glob) {
        // The common shapes (.git, node_modules, *.pyc) skip the regex: it costs a lot per entry before the JIT warms.
        if (!GlobPattern.hasWildcards(glob)) {
            return glob::equals;
        }
        String suffix = glob.substring(1);
        if (glob.charAt(0) == '*' && !suffix.isEmpty() && !GlobPattern.hasWildcards(suffix)
                && suffix.indexOf('/') < 0) {
            return text -> text.endsWith(suffix) && text.lastIndexOf('/') < text.length() - suffix.length();
        }
        GlobPattern compiled = new GlobPattern(glob);
        return compiled::matches;
    }
}
