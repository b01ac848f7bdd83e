package dev.backman.domain.port;

import dev.backman.domain.model.EntryType;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One thing found under a source root, with what was known when it was seen (size, mode, mtime are taken
 * without following symlinks).
 *
 * @param archivePath  {@code <root name>/<relative path>}, '/'-separated; the root itself is just its name
 * @param source       the absolute path on disk
 * @param type         file, directory or symlink
 * @param size         bytes of a regular file; 0 otherwise
 * @param mode         POSIX permission bits; -1 where the platform has none
 * @param mtime        last modification time
 * @param linkTarget   a symlink's target; null otherwise
 * @param fileKey      inode identity and ctime where the platform gives them (e.g. {@code dev:ino:ctime}); null
 *                     otherwise
 */
public record ScannedEntry(String archivePath, Path source, EntryType type, long size, int mode, Instant mtime,
                           String linkTarget, String fileKey) {
}
