package dev.backman.domain.port;

import dev.backman.domain.model.EntryType;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One thing found under a source root, with what was known when it was seen (size, mode, mtime are taken
 * without following symlinks).
 *
 * <p>The path on disk is not kept per entry but resolved from the root when asked for ({@link #source()}): a scan
 * keeps a record of every entry until the backup's manifest is written, and a path object per entry (with its own
 * copy of the absolute path's bytes) was a tenth of a no-change backup's live heap. Only where the name does not
 * say the path (a name, or a directory's above it, whose bytes are not valid UTF-8: the archive path holds what it
 * decodes to) is the path kept, as {@code exactSource}.
 *
 * @param archivePath  {@code <root name>/<relative path>}, '/'-separated; the root itself is just its name
 * @param root         where the source root is on disk (absolute; a root that was a symlink, its target): the
 *                     path of the entry named by the archive path's first element
 * @param type         file, directory or symlink
 * @param size         bytes of a regular file; 0 otherwise
 * @param mode         POSIX permission bits; -1 where the platform has none
 * @param mtime        last modification time
 * @param linkTarget   a symlink's target; null otherwise
 * @param fileKey      inode identity and ctime where the platform gives them (e.g. {@code dev:ino:ctime}); null
 *                     otherwise
 * @param exactSource  the path on disk where resolving the archive path would not find it; null otherwise
 */
public record ScannedEntry(String archivePath, Path root, EntryType type, long size, int mode, Instant mtime,
                           String linkTarget, String fileKey, Path exactSource) {

    /**
     * An entry whose path on disk is its archive path resolved below the root.
     *
     * @param archivePath {@code <root name>/<relative path>}, '/'-separated; the root itself is just its name
     * @param root        where the source root is on disk (absolute; a root that was a symlink, its target)
     * @param type        file, directory or symlink
     * @param size        bytes of a regular file; 0 otherwise
     * @param mode        POSIX permission bits; -1 where the platform has none
     * @param mtime       last modification time
     * @param linkTarget  a symlink's target; null otherwise
     * @param fileKey     inode identity and ctime where the platform gives them; null otherwise
     */
    public ScannedEntry(String archivePath, Path root, EntryType type, long size, int mode, Instant mtime,
                        String linkTarget, String fileKey) {
        this(archivePath, root, type, size, mode, mtime, linkTarget, fileKey, null);
    }

    /**
     * The entry's path on disk: {@code exactSource} where there is one, else the root resolved with the archive
     * path below the root's name.
     *
     * @return the absolute path on disk
     */
    public Path source() {
        if (exactSource != null) {
            return exactSource;
        }
        int slash = archivePath.indexOf('/');
        return slash < 0 ? root : root.resolve(archivePath.substring(slash + 1));
    }
}
