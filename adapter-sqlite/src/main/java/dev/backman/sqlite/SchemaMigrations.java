package dev.backman.sqlite;

import dev.backman.domain.error.CatalogFailure;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a catalog's schema to the version this code knows. The version is SQLite's {@code PRAGMA user_version}
 * (0 for a new file); migration N takes it from N-1 to N. Only ever append migrations, never edit one.
 */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** One step: SQL statements, or code where rows must be rewritten. */
    @FunctionalInterface
    private interface Migration {
        void apply(Handle handle);

        static Migration sql(String... statements) {
            return handle -> {
                for (String statement : statements) {
                    handle.execute(statement);
                }
            };
        }
    }

    private static final List<Migration> MIGRATIONS = List.of(
            // 1: the backups and their lists. Timestamps keep the text as given (offset included) for an exact
            // round trip, and the instant as epoch second + nano so that listing is chronological across offsets.
            Migration.sql("""
                    CREATE TABLE backups (
                        backup_id          TEXT    NOT NULL PRIMARY KEY,
                        timestamp          TEXT    NOT NULL,
                        epoch_second       INTEGER NOT NULL,
                        nano               INTEGER NOT NULL,
                        total_files        INTEGER NOT NULL,
                        total_size_bytes   INTEGER NOT NULL,
                        checksum           TEXT,
                        compression_type   TEXT    NOT NULL,
                        status             TEXT    NOT NULL,
                        duration_seconds   REAL,
                        error_message      TEXT,
                        backup_type        TEXT    NOT NULL,
                        parent_id          TEXT,
                        archive_size_bytes INTEGER NOT NULL,
                        stored_files       INTEGER NOT NULL,
                        encrypted          INTEGER NOT NULL
                    )""",
                    "CREATE INDEX backups_by_time ON backups (epoch_second, nano, backup_id)",
                    """
                    CREATE TABLE source_paths (
                        backup_id TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
                        position  INTEGER NOT NULL,
                        path      TEXT    NOT NULL,
                        PRIMARY KEY (backup_id, position)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE skipped_files (
                        backup_id TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
                        position  INTEGER NOT NULL,
                        path      TEXT,
                        reason    TEXT,
                        PRIMARY KEY (backup_id, position)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE replicas (
                        backup_id TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
                        position  INTEGER NOT NULL,
                        location  TEXT,
                        status    TEXT,
                        PRIMARY KEY (backup_id, position)
                    ) WITHOUT ROWID"""),
            // 2: each backup's tree, for change detection and deduplication. WITHOUT ROWID keeps the rows in
            // (backup_id, path) order, so a backup's list (and the files its archive stores) is one range scan of
            // the primary key that needs no sort. (Replaced by migration 4.)
            Migration.sql("""
                    CREATE TABLE files (
                        backup_id    TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
                        path         TEXT    NOT NULL,
                        type         TEXT    NOT NULL,
                        size         INTEGER NOT NULL,
                        mode         INTEGER NOT NULL,
                        mtime_second INTEGER NOT NULL,
                        mtime_nano   INTEGER NOT NULL,
                        sha256       TEXT,
                        link_target  TEXT,
                        stored_in    TEXT,
                        file_key     TEXT,
                        PRIMARY KEY (backup_id, path)
                    ) WITHOUT ROWID"""),
            // 3: the latest verification of each backup per mode (full, quick, sample), for `status` and for
            // `verify --sample` to prefer the backups read longest ago. Times as in `backups`.
            Migration.sql("""
                    CREATE TABLE verifications (
                        backup_id    TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
                        mode         TEXT    NOT NULL,
                        verified_at  TEXT    NOT NULL,
                        epoch_second INTEGER NOT NULL,
                        nano         INTEGER NOT NULL,
                        intact       INTEGER NOT NULL,
                        problem      TEXT,
                        PRIMARY KEY (backup_id, mode)
                    ) WITHOUT ROWID"""),
            // 4: each backup's tree as one value (FileLists) in pieces, its rows moved over; the freed pages are
            // reused.
            handle -> {
                handle.execute("""
                        CREATE TABLE file_lists (
                            backup_id TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
                            piece     INTEGER NOT NULL,
                            entries   INTEGER NOT NULL,
                            list      BLOB    NOT NULL,
                            PRIMARY KEY (backup_id, piece)
                        )""");
                try {
                    FileRowReader.moveToFileLists(handle.getConnection());
                } catch (SQLException | RuntimeException e) {
                    // rolled back with the whole migration: the file stays as it was
                    throw new IllegalStateException("cannot move the file lists to one value per backup ("
                            + e.getMessage() + "); " + SqlFailures.REBUILD_HINT, e);
                }
                handle.execute("DROP TABLE files");
            });

    /** The schema version this code writes. */
    static final int LATEST = MIGRATIONS.size();

    private SchemaMigrations() {
    }

    /** Migrates the catalog open on {@code handle}; fails when the file was written by a newer backman. */
    static void migrate(Handle handle, Path file) {
        int version = version(handle);
        requireKnown(version, file);
        if (version == LATEST) {
            return; // the usual case: no write lock taken
        }
        // IMMEDIATE: a second process migrating at the same time waits here, then finds the work done.
        Transactions.inTransaction(handle, Transactions.WRITE, h -> {
            int current = version(h);
            requireKnown(current, file);
            for (int next = current + 1; next <= LATEST; next++) {
                MIGRATIONS.get(next - 1).apply(h);
                LOG.debug("catalog {}: migrated schema to version {}", file, next);
            }
            h.execute("PRAGMA user_version = " + LATEST);
            return null;
        });
    }

    static int version(Handle handle) {
        return handle.createQuery("PRAGMA user_version").map((rs, ctx) -> rs.getInt(1)).one();
    }

    private static void requireKnown(int version, Path file) {
        if (version > LATEST) {
            throw new CatalogFailure(file + " has schema version " + version + " but this backman knows versions up to "
                    + LATEST + "; use a newer backman, or " + SqlFailures.REBUILD_HINT, null);
        }
    }
}
