package dev.backman.filesystem.scan;

import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * What one attribute read (without following links) says about a path.
 *
 * @param special for {@link Kind#SPECIAL}: what kind (fifo, socket, …); null otherwise
 */
record EntryStat(Kind kind, long size, int mode, Instant mtime, String fileKey, String special) {

    enum Kind { FILE, DIRECTORY, SYMLINK, SPECIAL }

    private static final int TYPE_MASK = 0170000;
    private static final int PERMISSION_MASK = 07777;
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

    /**
     * From the fields of a Unix {@code lstat}: {@code rawMode} with its file-type bits; the file key names device,
     * inode and ctime (milliseconds), the form the catalog keeps, so that every reader's keys compare equal.
     */
    static EntryStat ofUnix(int rawMode, long size, FileTime mtime, long device, long inode, FileTime ctime) {
        Kind kind = kindOf(rawMode);
        return new EntryStat(kind, kind == Kind.FILE ? size : 0L, rawMode & PERMISSION_MASK, mtime.toInstant(),
                fileKey(device, inode, ctime.toMillis()), kind == Kind.SPECIAL ? specialName(rawMode) : null);
    }

    /** {@code device:inode:ctime}, built in one buffer of the right size (one per entry of a scan). */
    private static String fileKey(long device, long inode, long ctimeMillis) {
        return new StringBuilder(60).append(device).append(':').append(inode).append(':').append(ctimeMillis)
                .toString();
    }

    private static Kind kindOf(int rawMode) {
        return switch (rawMode & TYPE_MASK) {
            case 0100000 -> Kind.FILE;
            case 0040000 -> Kind.DIRECTORY;
            case 0120000 -> Kind.SYMLINK;
            default -> Kind.SPECIAL;
        };
    }

    private static String specialName(int rawMode) {
        return switch (rawMode & TYPE_MASK) {
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            case 0020000 -> "character device";
            case 0060000 -> "block device";
            default -> "unknown type";
        };
    }
}
