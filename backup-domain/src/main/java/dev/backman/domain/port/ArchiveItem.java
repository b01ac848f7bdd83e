package dev.backman.domain.port;

import java.io.InputStream;
import java.time.Instant;

/**
 * One entry as read from an archive, untrusted: names are raw (a trailing '/' removed for directories) and may be
 * absolute or contain {@code ..}; sizes are what the archive claims.
 *
 * @param name       the entry name
 * @param kind       what the entry says it is
 * @param size       claimed size of a file's content
 * @param mode       POSIX permission bits, or -1 if the archive has none
 * @param mtime      modification time, or null if the archive has none
 * @param linkTarget target of a symlink or a hard link; null otherwise
 * @param content    the file's bytes (empty for other kinds); not to be closed by the caller
 */
public record ArchiveItem(String name, Kind kind, long size, int mode, Instant mtime, String linkTarget,
                          InputStream content) {

    /** What an archive entry can be. */
    public enum Kind {
        /** A regular file with content. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** A symbolic link. */
        SYMLINK,
        /** A tar hard link to an earlier entry ({@code linkTarget}). */
        HARD_LINK,
        /** Anything else (devices, fifos, unknown types). */
        OTHER
    }
}
