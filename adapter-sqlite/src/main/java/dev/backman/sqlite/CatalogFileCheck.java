package dev.backman.sqlite;

import dev.backman.domain.error.CatalogFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Refuses a catalog path that holds something other than an SQLite database, before SQLite opens it: SQLite would
 * otherwise create {@code -wal}/{@code -shm} files beside it and the error would only show on the first query.
 */
final class CatalogFileCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private CatalogFileCheck() {
    }

    /** Passes for a missing file, an empty file (SQLite makes it a new database) and an SQLite database. */
    static void requireDatabaseOrAbsent(Path file) {
        if (Files.isDirectory(file)) {
            throw new CatalogFailure(file + " is a directory, not a catalog file", null);
        }
        if (!Files.exists(file)) {
            return;
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(MAGIC.length);
        } catch (IOException e) {
            throw new CatalogFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (header.length > 0 && !Arrays.equals(header, MAGIC)) {
            throw new CatalogFailure(file + " is not an SQLite database; " + SqlFailures.REBUILD_HINT, null);
        }
    }
}
