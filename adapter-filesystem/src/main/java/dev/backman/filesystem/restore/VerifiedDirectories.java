package dev.backman.filesystem.restore;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories one restore has already found to be real directories, all the way down from the base, with their
 * identity (device and inode). A later file in one of them needs a single {@code lstat} of that directory, which must
 * still be a directory with the same identity, instead of one per level of its path: restoring 31,000 files of a
 * deep tree made 600,000 such calls. A directory swapped for a symlink meanwhile, or a path that now leads through a
 * symlink to another directory, no longer matches and is checked level by level again (and refused).
 */
final class VerifiedDirectories {
    private final Map<Path, Object> identities;

    private VerifiedDirectories(Map<Path, Object> identities) {
        this.identities = identities;
    }

    /** Remembers nothing: every call checks every level. */
    static VerifiedDirectories none() {
        return new VerifiedDirectories(null);
    }

    /** Remembers for one restore; safe for its writer threads. */
    static VerifiedDirectories forOneRestore() {
        return new VerifiedDirectories(new ConcurrentHashMap<>());
    }

    /** The identity recorded for {@code directory}, or null. */
    Object identityOf(Path directory) {
        return identities == null ? null : identities.get(directory);
    }

    /** Records a directory found to be real; an identity of null (a platform without one) records nothing. */
    void add(Path directory, Object identity) {
        if (identities != null && identity != null) {
            identities.put(directory, identity);
        }
    }
}
