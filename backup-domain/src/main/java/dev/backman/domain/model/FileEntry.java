package dev.backman.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a backup's tree, as the manifest lists it.
 *
 * @param path       name inside the archive: {@code <root>/<relative path>}, '/'-separated, no trailing slash
 * @param type       file, directory or symlink
 * @param size       bytes of a regular file; 0 otherwise
 * @param mode       POSIX permission bits (e.g. {@code 0644}); -1 when the platform has none
 * @param mtime      last modification time
 * @param sha256     lower-case hex SHA-256 of a regular file's contents; null otherwise
 * @param linkTarget a symlink's target as stored in the link; null otherwise
 * @param storedIn   id of the backup whose archive holds this file's bytes; null for non-files
 * @param fileKey    the file's identity when it was read ({@code dev:inode:ctime}), for change detection; null
 *                   where the platform has none
 */
public record FileEntry(
        String path,
        EntryType type,
        long size,
        int mode,
        Instant mtime,
        String sha256,
        String linkTarget,
        String storedIn,
        String fileKey) {

    /**
     * Checks the components.
     *
     * @param path name inside the archive: {@code <root>/<relative path>}, '/'-separated, no trailing slash
     * @param type file, directory or symlink
     * @param size bytes of a regular file; 0 otherwise
     * @param mode POSIX permission bits (e.g. {@code 0644}); -1 when the platform has none
     * @param mtime last modification time
     * @param sha256 lower-case hex SHA-256 of a regular file's contents; null otherwise
     * @param linkTarget a symlink's target as stored in the link; null otherwise
     * @param storedIn id of the backup whose archive holds this file's bytes; null for non-files
     * @param fileKey the file's identity when it was read ({@code dev:inode:ctime}), for change detection; null where
     *     the platform has none
     */
    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
    }

    /**
     * An entry without a file identity.
     *
     * @param path       name inside the archive: {@code <root>/<relative path>}
     * @param type       file, directory or symlink
     * @param size       bytes of a regular file; 0 otherwise
     * @param mode       POSIX permission bits; -1 when the platform has none
     * @param mtime      last modification time
     * @param sha256     lower-case hex SHA-256 of a regular file's contents; null otherwise
     * @param linkTarget a symlink's target; null otherwise
     * @param storedIn   id of the backup whose archive holds this file's bytes; null for non-files
     */
    public FileEntry(String path, EntryType type, long size, int mode, Instant mtime, String sha256, String linkTarget,
                     String storedIn) {
        this(path, type, size, mode, mtime, sha256, linkTarget, storedIn, null);
    }

    /**
     * Whether this is a regular file.
     *
     * @return true for {@link EntryType#FILE}
     */
    public boolean isFile() {
        return type == EntryType.FILE;
    }

    /**
     * The first path element: the source root's name.
     *
     * @return the root's name
     */
    public String rootName() {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /**
     * The path below the root; empty for the root itself.
     *
     * @return the relative path, '/'-separated
     */
    public String relativePath() {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(slash + 1);
    }

    /**
     * The same entry with another digest.
     *
     * @param value lower-case hex SHA-256
     * @return a changed copy
     */
    public FileEntry withSha256(String value) {
        return new FileEntry(path, type, size, mode, mtime, value, linkTarget, storedIn, fileKey);
    }

    /**
     * The same entry, held by another backup's archive.
     *
     * @param value the holding backup's id
     * @return a changed copy
     */
    public FileEntry withStoredIn(String value) {
        return new FileEntry(path, type, size, mode, mtime, sha256, linkTarget, value, fileKey);
    }

    /**
     * This file's contents as stored elsewhere: same digest, held by {@code content}'s archive.
     *
     * @param content the content this file has
     * @return a changed copy
     */
    public FileEntry withContent(StoredContent content) {
        return new FileEntry(path, type, size, mode, mtime, content.sha256(), linkTarget, content.storedIn(), fileKey);
    }
}
