package dev.backman.filesystem.scan;

import java.time.Instant;

/**
 * What one attribute read (without following links) says about a path.
 *
 * @param special for {@link Kind#SPECIAL}: what kind (fifo, socket, …); null otherwise
 */
record EntryStat(Kind kind, long size, int mode, Instant mtime, String fileKey, String special) {

    enum Kind { FILE, DIRECTORY, SYMLINK, SPECIAL }

    private static final int OTHERS_READ = 0004;
    private static final int OTHERS_READ_SEARCH = 0005;

    /**
     * Whether the mode bits alone prove that anyone may read it (a directory: list and enter it), which saves an
     * {@code access(2)} call for most entries.
     */
    boolean readableByEveryone() {
        if (mode < 0) {
            return false;
        }
        int needed = kind == Kind.DIRECTORY ? OTHERS_READ_SEARCH : OTHERS_READ;
        return (mode & needed) == needed;
    }
}
