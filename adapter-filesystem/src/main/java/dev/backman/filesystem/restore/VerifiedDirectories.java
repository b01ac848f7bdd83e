package dev.backman.filesystem.restore;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories one restore has already found to be real directories, all the way down from the base, with their
 * identity (device and inode) and whether the restore made them. A later file below one of them needs a single
 * {@code lstat} of the deepest such directory, which must still be a directory with the same identity, instead of one
 * per level of its path: restoring 31,000 files of a deep tree made 600,000 such calls. A directory swapped for a
 * symlink meanwhile, or a path that now leads through a symlink to another directory, no longer matches and is
 * checked level by level again (and refused).
 */
final class VerifiedDirectories {
    /** What was found of one directory. */
    record Found(Object identity, boolean madeHere) {
    }

    private final Map<Path, Found> found;

    private VerifiedDirectories(Map<Path, Found> found) {
        this.found = found;
    }

    /** Remembers nothing: every call checks every level. */
    static VerifiedDirectories none() {
        return new VerifiedDirectories(null);
    }

    /** Remembers for one restore; safe for its writer threads. */
    static VerifiedDirectories forOneRestore() {
        return new VerifiedDirectories(new ConcurrentHashMap<>());
    }

    /** What was recorded of {@code directory}, or null. */
    Found of(Path directory) {
        return found == null ? null : found.get(directory);
    }

    /**
     * Records a directory found to be real, and whether this restore made it (so it started empty); an identity of
     * null (a platform without one) records nothing.
     */
    void add(Path directory, Object identity, boolean madeHere) {
        if (found != null && identity != null) {
            found.put(directory, new Found(identity, madeHere));
        }
    }
}
