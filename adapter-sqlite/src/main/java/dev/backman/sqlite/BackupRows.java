package dev.backman.sqlite;

import dev.backman.domain.model.BackupMetadata;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes and reads {@link BackupMetadata} as one row of {@code backups} plus ordered rows in the list tables. */
final class BackupRows {
    private static final String INSERT = """
            INSERT INTO backups (backup_id, timestamp, epoch_second, nano, total_files, total_size_bytes, checksum,
                compression_type, status, duration_seconds, error_message, backup_type, parent_id,
                archive_size_bytes, stored_files, encrypted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (backup_id) DO UPDATE SET timestamp = excluded.timestamp,
                epoch_second = excluded.epoch_second, nano = excluded.nano, total_files = excluded.total_files,
                total_size_bytes = excluded.total_size_bytes, checksum = excluded.checksum,
                compression_type = excluded.compression_type, status = excluded.status,
                duration_seconds = excluded.duration_seconds, error_message = excluded.error_message,
                backup_type = excluded.backup_type, parent_id = excluded.parent_id,
                archive_size_bytes = excluded.archive_size_bytes, stored_files = excluded.stored_files,
                encrypted = excluded.encrypted""";
    private static final List<String> LIST_TABLES = List.of("source_paths", "skipped_files", "replicas");
    private static final String COLUMNS = """
            SELECT backup_id, timestamp, total_files, total_size_bytes, checksum, compression_type, status,
                duration_seconds, error_message, backup_type, parent_id, archive_size_bytes, stored_files, encrypted
            FROM backups""";
    private static final String ORDER = " ORDER BY epoch_second, nano, backup_id";

    private BackupRows() {
    }

    /** Deletes the backup; the rows of its lists and its file list go with it (foreign keys with ON DELETE CASCADE). */
    static void delete(Handle handle, String backupId) {
        handle.execute("DELETE FROM backups WHERE backup_id = ?", backupId);
    }

    /** Replaces any backup with the same id, keeping its file list; run it inside a write transaction. */
    static void replace(Handle handle, BackupMetadata b) {
        // An upsert, not DELETE + INSERT (nor INSERT OR REPLACE): deleting the row would cascade to its file list,
        // and a status change (completed, verified) must not lose the tree. The small lists are replaced here.
        for (String table : LIST_TABLES) {
            handle.execute("DELETE FROM " + table + " WHERE backup_id = ?", b.backupId());
        }
        handle.createUpdate(INSERT)
                .bind(0, b.backupId())
                .bind(1, b.timestamp().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .bind(2, b.timestamp().toEpochSecond())
                .bind(3, b.timestamp().getNano())
                .bind(4, b.totalFiles())
                .bind(5, b.totalSizeBytes())
                .bind(6, b.checksum())
                .bind(7, b.compressionType().extension())
                .bind(8, b.status().wireName())
                // SQLite stores NaN as NULL; reading maps NULL back to NaN.
                .bind(9, b.durationSeconds())
                .bind(10, b.errorMessage())
                .bind(11, b.backupType().wireName())
                .bind(12, b.parentId())
                .bind(13, b.archiveSizeBytes())
                .bind(14, b.storedFiles())
                .bind(15, b.encrypted())
                .execute();
        insertList(handle, "INSERT INTO source_paths (backup_id, position, path) VALUES (?, ?, ?)",
                b.backupId(), b.sourcePaths(), (batch, path) -> batch.bind(2, path));
        insertList(handle, "INSERT INTO skipped_files (backup_id, position, path, reason) VALUES (?, ?, ?, ?)",
                b.backupId(), b.skippedFiles(), (batch, s) -> batch.bind(2, s.path()).bind(3, s.reason()));
        insertList(handle, "INSERT INTO replicas (backup_id, position, location, status) VALUES (?, ?, ?, ?)",
                b.backupId(), b.replicas(), (batch, r) -> batch.bind(2, r.location())
                        .bind(3, r.status() == null ? null : r.status().wireName()));
    }

    static Optional<BackupMetadata> find(Handle handle, String backupId) {
        Optional<BackupMetadata> row = handle.createQuery(COLUMNS + " WHERE backup_id = ?").bind(0, backupId)
                .map(RowMapping::backup).findOne();
        return row.map(b -> ListRows.of(handle, backupId).attachTo(b));
    }

    /** Every backup, oldest first. */
    static List<BackupMetadata> list(Handle handle) {
        List<BackupMetadata> rows = handle.createQuery(COLUMNS + ORDER).map(RowMapping::backup).list();
        if (rows.isEmpty()) {
            return rows;
        }
        ListRows lists = ListRows.all(handle);
        return rows.stream().map(b -> lists.attachTo(b)).toList();
    }

    private interface Binder<T> {
        void bind(PreparedBatch batch, T item);
    }

    private static <T> void insertList(Handle handle, String sql, String backupId, List<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (int i = 0; i < items.size(); i++) {
            batch.bind(0, backupId).bind(1, i);
            binder.bind(batch, items.get(i));
            batch.add();
        }
        batch.execute();
    }
}
