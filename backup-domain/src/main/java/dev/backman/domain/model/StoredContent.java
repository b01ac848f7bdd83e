package dev.backman.domain.model;

import java.util.Objects;

/**
 * A content some backup's archive holds: what a new backup of the same chain refers to instead of storing it again.
 *
 * @param sha256   the content's SHA-256, lowercase hex
 * @param size     its size in bytes
 * @param storedIn the backup whose archive holds it
 */
public record StoredContent(String sha256, long size, String storedIn) {

    /** Checks the components. */
    public StoredContent {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(storedIn, "storedIn");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    /**
     * The content of a regular file entry that names its digest and holder.
     *
     * @param file the entry
     * @return its content
     */
    public static StoredContent of(FileEntry file) {
        return new StoredContent(file.sha256(), file.size(), file.storedIn());
    }
}
