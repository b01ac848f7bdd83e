package dev.backman.filesystem.restore;

import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an entry's POSIX mode and mtime. Only the 0777 bits can be set through NIO; setuid, setgid and sticky
 * bits recorded in a manifest are not restored. A mode of -1 (no POSIX data) leaves permissions as created.
 */
final class FileMetadata {
    private static final Logger LOG = LoggerFactory.getLogger(FileMetadata.class);
    private static final PosixFilePermission[] BY_BIT = PosixFilePermission.values(); // OWNER_READ = 0400 … 0001

    private FileMetadata() {
    }

    /** For a regular file or a real directory (the caller has made sure it is not a link). */
    static void apply(Path path, FileEntry entry) throws IOException {
        setMode(path, entry);
        setMtime(path, entry);
    }

    /**
     * Like {@link #apply}, but only what differs from {@code found} (read as {@link #attributesFor} says, just before):
     * a directory made by the restore mostly has its mode already, and a chmod less per directory counts when a tree
     * has 18,000 of them.
     */
    static void applyDifferences(Path path, FileEntry entry, BasicFileAttributes found) throws IOException {
        boolean sameMode = found instanceof PosixFileAttributes posix
                && posix.permissions().equals(permissions(entry.mode()));
        if (entry.mode() >= 0 && !sameMode) {
            setMode(path, entry);
        }
        if (!found.lastModifiedTime().toInstant().equals(entry.mtime())) {
            setMtime(path, entry);
        }
    }

    private static void setMode(Path path, FileEntry entry) throws IOException {
        if (entry.mode() >= 0 && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions(entry.mode()));
        }
    }

    private static void setMtime(Path path, FileEntry entry) throws IOException {
        // Both times given: the JDK then skips the fstat it makes to keep the access time (one system call per file
        // of a restore); the access time of a file just written is now anyway.
        Files.getFileAttributeView(path, BasicFileAttributeView.class)
                .setTimes(FileTime.from(entry.mtime()), FileTime.from(Instant.now()), null);
    }

    /** What {@link #applyDifferences} reads on the file system of {@code path}: the mode too, where it has one. */
    static Class<? extends BasicFileAttributes> attributesFor(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix") ? PosixFileAttributes.class
                : BasicFileAttributes.class;
    }

    /** A link's own mtime, where the platform can set it without following the link; best effort. */
    static void applyToLink(Path link, FileEntry entry) {
        try {
            Files.getFileAttributeView(link, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(entry.mtime()), null, null);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot set the mtime of symlink {}: {}", link, e.toString());
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BY_BIT.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(BY_BIT[i]);
            }
        }
        return permissions;
    }
}
