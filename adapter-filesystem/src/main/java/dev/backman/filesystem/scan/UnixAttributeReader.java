package dev.backman.filesystem.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * Reads mode, size, mtime, inode, device and ctime from one {@code lstat}. Naming the attributes matters: measured
 * on 100,000 files, {@code unix:*} took 1.8 s (it resolves owner and group names), these six 0.36 s, and
 * {@code PosixFileAttributes} plus a second read for ctime 0.48 s.
 */
final class UnixAttributeReader implements AttributeReader {
    private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime,ino,dev,ctime";
    private static final int TYPE_MASK = 0170000;
    private static final int PERMISSION_MASK = 07777;

    @Override
    public EntryStat read(Path path) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int rawMode = (Integer) attributes.get("mode");
        EntryStat.Kind kind = kindOf(rawMode);
        long size = kind == EntryStat.Kind.FILE ? (Long) attributes.get("size") : 0L;
        FileTime mtime = (FileTime) attributes.get("lastModifiedTime");
        FileTime ctime = (FileTime) attributes.get("ctime");
        String fileKey = attributes.get("dev") + ":" + attributes.get("ino") + ":" + ctime.toMillis();
        return new EntryStat(kind, size, rawMode & PERMISSION_MASK, mtime.toInstant(), fileKey,
                kind == EntryStat.Kind.SPECIAL ? specialName(rawMode) : null);
    }

    static EntryStat.Kind kindOf(int rawMode) {
        return switch (rawMode & TYPE_MASK) {
            case 0100000 -> EntryStat.Kind.FILE;
            case 0040000 -> EntryStat.Kind.DIRECTORY;
            case 0120000 -> EntryStat.Kind.SYMLINK;
            default -> EntryStat.Kind.SPECIAL;
        };
    }

    static String specialName(int rawMode) {
        return switch (rawMode & TYPE_MASK) {
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            case 0020000 -> "character device";
            case 0060000 -> "block device";
            default -> "unknown type";
        };
    }
}
