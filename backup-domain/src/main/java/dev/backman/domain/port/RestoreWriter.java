package dev.backman.domain.port;

import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Writes a restored tree to disk, safely. Every path is given as a base directory and a relative '/'-separated
 * path below it; implementations refuse (with {@link dev.backman.domain.error.UnsafeArchiveEntry}) any path that
 * would leave the base, including through a symlink that exists on disk.
 */
public interface RestoreWriter {

    /** How the destination compares with the entry to restore. */
    enum Existing { ABSENT, SAME, DIFFERENT }

    Existing inspect(Path base, String relative, FileEntry entry) throws IOException;

    /**
     * Writes {@code content} to a temporary file beside the destination (creating parent directories), checking
     * its size and SHA-256 against {@code entry}; returns the temporary file. On mismatch nothing is left behind and
     * {@link dev.backman.domain.error.IntegrityViolation} is thrown. At most {@code entry.size() + 1} bytes are
     * read, so a stream that is far longer than recorded is cut short.
     */
    Path writeTemporary(Path base, String relative, FileEntry entry, InputStream content, String backupId)
            throws IOException;

    /** Copies an already verified temporary file to a new temporary file for another destination. */
    Path copyTemporary(Path verified, Path base, String relative) throws IOException;

    /** Moves a verified temporary file into place (replacing what is there) and applies mode and mtime. */
    void publish(Path temporary, Path base, String relative, FileEntry entry) throws IOException;

    void createDirectory(Path base, String relative) throws IOException;

    /** Creates (or replaces) a symlink; the link's target is stored as is and never followed. */
    void createSymlink(Path base, String relative, FileEntry entry) throws IOException;

    /** Applies mode and mtime to a directory (called after its contents are written). */
    void finishDirectory(Path base, String relative, FileEntry entry) throws IOException;

    /** Deletes a temporary file that will not be published. */
    void discard(Path temporary);
}
