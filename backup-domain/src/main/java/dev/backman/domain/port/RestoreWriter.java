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
    enum Existing {
        /** Nothing is there. */
        ABSENT,
        /** The same thing is there (same type; for a file, the same content). */
        SAME,
        /** Something else is there. */
        DIFFERENT
    }

    /**
     * A writer for one restore, used by all its threads and dropped when it ends. It may remember what it found on
     * disk during that restore (directories it checked), which a long-lived writer must not.
     *
     * @return a writer for one restore; this one by default
     */
    default RestoreWriter forOneRestore() {
        return this;
    }

    /**
     * How the destination of {@code entry} compares with it.
     *
     * @param base     the restore's base directory
     * @param relative the entry's path below {@code base}
     * @param entry    the entry to restore
     * @return absent, the same, or different
     * @throws IOException the destination cannot be read
     */
    Existing inspect(Path base, String relative, FileEntry entry) throws IOException;

    /**
     * Writes {@code content} for the destination (creating parent directories), checking its size and SHA-256
     * against {@code entry}, and returns the file written: the destination itself when nothing at all was there,
     * otherwise a temporary beside it, so that what is there stays untouched until {@link #publish}. On mismatch
     * nothing is left behind and {@link dev.backman.domain.error.IntegrityViolation} is thrown. At most
     * {@code entry.size() + 1} bytes are read, so a stream that is far longer than recorded is cut short. The file
     * is readable by its owner only until it gets the entry's mode, which a file written in place may get at once
     * (once verified) and a temporary gets when published.
     *
     * @param base     the restore's base directory
     * @param relative the destination below {@code base}
     * @param entry    the file's entry (size and SHA-256)
     * @param content  the file's bytes
     * @param backupId the backup being restored, named in errors
     * @return the verified file, to {@link #publish} or {@link #discard}
     * @throws IOException the file cannot be written
     */
    Path stageFile(Path base, String relative, FileEntry entry, InputStream content, String backupId)
            throws IOException;

    /**
     * Copies a verified file returned by {@link #stageFile} for another destination, in the same way: at that
     * destination when nothing is there, else beside it.
     *
     * @param verified a verified file not yet published
     * @param base     the restore's base directory
     * @param relative the other destination below {@code base}
     * @param entry    the other destination's entry (mode and mtime)
     * @return the copy, to {@link #publish} or {@link #discard}
     * @throws IOException the copy cannot be written
     */
    Path stageCopy(Path verified, Path base, String relative, FileEntry entry) throws IOException;

    /**
     * Completes a staged file: applies mode and mtime where it has not got them yet and, when it was written beside
     * the destination, moves it into place (replacing what is there).
     *
     * @param staged   the file returned by {@link #stageFile} or {@link #stageCopy}
     * @param base     the restore's base directory
     * @param relative the destination below {@code base}
     * @param entry    the file's entry (mode and mtime)
     * @throws IOException the file cannot be moved or stamped
     */
    void publish(Path staged, Path base, String relative, FileEntry entry) throws IOException;

    /**
     * Gives a file that {@link #inspect} found with the right content ({@link Existing#SAME}) the entry's mode and
     * mtime, where they differ: a restore leaves such a file's content alone but brings back the backup's tree,
     * stamps included (and a file an interrupted restore had written but not yet stamped gets them).
     *
     * @param base     the restore's base directory
     * @param relative the file below {@code base}
     * @param entry    the file's entry (mode and mtime)
     * @throws IOException it cannot be stamped, or is no longer a regular file
     */
    void stampExisting(Path base, String relative, FileEntry entry) throws IOException;

    /**
     * Creates a directory (and its parents) below {@code base}.
     *
     * @param base     the restore's base directory
     * @param relative the directory below {@code base}
     * @throws IOException it cannot be created
     */
    void createDirectory(Path base, String relative) throws IOException;

    /**
     * Moves what is at a destination where the backup has a directory (a file or a symlink, which is not followed)
     * out of the way, beside it under another name, so that the directory can be made. The restore then either
     * {@link #discard}s what it set aside, once it has published everything, or {@link #putBack}s it after a failure:
     * a restore that fails loses nothing that was there.
     *
     * @param base     the restore's base directory
     * @param relative the directory's path below {@code base}
     * @return where it was moved, or null when nothing but a directory (or nothing) is there
     * @throws IOException it cannot be moved
     */
    Path setAside(Path base, String relative) throws IOException;

    /**
     * Puts back what {@link #setAside} moved, after removing the directories a failed restore left in its place
     * (only empty ones; anything else there stays, and so does what was set aside, under its other name).
     *
     * @param setAside what {@link #setAside} returned
     * @param base     the restore's base directory
     * @param relative the directory's path below {@code base}
     * @throws IOException it cannot be put back
     */
    void putBack(Path setAside, Path base, String relative) throws IOException;

    /**
     * Creates (or replaces) a symlink; the link's target is stored as is and never followed.
     *
     * @param base     the restore's base directory
     * @param relative the link below {@code base}
     * @param entry    the link's entry, with its target
     * @throws IOException it cannot be created
     */
    void createSymlink(Path base, String relative, FileEntry entry) throws IOException;

    /**
     * Applies mode and mtime to a directory (called after its contents are written).
     *
     * @param base     the restore's base directory
     * @param relative the directory below {@code base}
     * @param entry    the directory's entry
     * @throws IOException it cannot be stamped
     */
    void finishDirectory(Path base, String relative, FileEntry entry) throws IOException;

    /**
     * Deletes a staged file that will not be published, wherever it was written: a restore that fails leaves none
     * of them.
     *
     * @param staged the file returned by {@link #stageFile} or {@link #stageCopy}
     */
    void discard(Path staged);
}
