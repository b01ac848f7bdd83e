package dev.backman.domain.port;

import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Adds entries to an archive. Entry names are {@link FileEntry#path()}; directories get a trailing '/' where the
 * format wants one. Mode and mtime are stored for every entry; symlinks are stored as links.
 */
public interface ArchiveWriter extends AutoCloseable {

    /**
     * Adds a directory.
     *
     * @param entry the directory
     * @throws IOException the archive cannot be written
     */
    void addDirectory(FileEntry entry) throws IOException;

    /**
     * Adds a symbolic link, as a link.
     *
     * @param entry the link, with its target
     * @throws IOException the archive cannot be written
     */
    void addSymlink(FileEntry entry) throws IOException;

    /**
     * Adds a regular file whose bytes are read from {@code source}. Exactly {@code entry.size()} bytes are stored:
     * if the file shrank they are padded with zeros, if it grew it is cut; either way the file is reported in
     * {@link WriteSummary#changedWhileRead()}. The SHA-256 of the stored bytes is reported in the summary.
     * Writers may compress in parallel, so the digest is known only when the archive is finished.
     *
     * @param entry  the file's entry (its size is what is stored)
     * @param source the file to read
     * @throws IOException the archive cannot be written, or the file cannot be read
     */
    void addFile(FileEntry entry, Path source) throws IOException;

    /**
     * Adds a regular file whose bytes come from {@code content}, consumed before this method returns (the stream
     * may be an entry of another archive, valid only until it moves on). Exactly {@code entry.size()} bytes are
     * stored; a stream that ends early is an {@link IOException}. Its digest is reported in the summary like
     * {@link #addFile(FileEntry, Path)}'s.
     *
     * @param entry   the file's entry (its size is what is stored)
     * @param content the file's bytes
     * @throws IOException the archive cannot be written, or the stream fails or ends early
     */
    void addFile(FileEntry entry, java.io.InputStream content) throws IOException;

    /**
     * Adds a regular file that the caller read whole and hashed: {@code content} is stored as it is and
     * {@code sha256} reported for it in the summary, so the bytes are not hashed a second time. The default stores
     * them through {@link #addFile(FileEntry, java.io.InputStream)}, which hashes them again.
     *
     * @param entry   the file's entry; {@code content} holds exactly {@code entry.size()} bytes
     * @param content the file's bytes, not changed by the caller afterwards
     * @param sha256  the lower-case hex SHA-256 of {@code content}
     * @throws IOException the archive cannot be written
     * @throws IllegalArgumentException {@code content} does not hold {@code entry.size()} bytes
     */
    default void addFile(FileEntry entry, byte[] content, String sha256) throws IOException {
        if (content.length != entry.size()) {
            throw new IllegalArgumentException(entry.path() + ": " + content.length + " bytes given, "
                    + entry.size() + " announced");
        }
        addFile(entry, new java.io.ByteArrayInputStream(content));
    }

    /**
     * Adds a file with the same contents as the earlier {@code original} entry without storing the bytes twice:
     * tar writes a hard-link entry; zip writes nothing (the manifest refers to the original).
     *
     * @param entry    the file to add
     * @param original an earlier entry of this archive with the same contents
     * @throws IOException the archive cannot be written
     */
    void addDuplicate(FileEntry entry, FileEntry original) throws IOException;

    /**
     * Writes the archive's trailer and returns what was stored. The output stream stays open.
     *
     * @return the digests of the stored files and the files that changed while read
     * @throws IOException the archive cannot be written, or an entry failed
     */
    WriteSummary finish() throws IOException;

    /** Releases resources (threads, temporary files); safe after {@link #finish()} or on failure. */
    @Override
    void close();
}
