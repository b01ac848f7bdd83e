package dev.backman.sqlite;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.SkippedFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The rows of the list tables for one backup or for all, grouped by backup id and kept in their saved order. */
final class ListRows {
    private final Map<String, List<String>> sourcePaths;
    private final Map<String, List<SkippedFile>> skippedFiles;
    private final Map<String, List<Replica>> replicas;

    private ListRows(Handle handle, String backupId) {
        sourcePaths = grouped(handle, "SELECT backup_id, path FROM source_paths", backupId,
                rs -> rs.getString(2));
        skippedFiles = grouped(handle, "SELECT backup_id, path, reason FROM skipped_files", backupId,
                rs -> new SkippedFile(rs.getString(2), rs.getString(3)));
        replicas = grouped(handle, "SELECT backup_id, location, status FROM replicas", backupId,
                rs -> new Replica(rs.getString(2), RowMapping.replicaStatus(rs.getString(3))));
    }

    static ListRows of(Handle handle, String backupId) {
        return new ListRows(handle, backupId);
    }

    static ListRows all(Handle handle) {
        return new ListRows(handle, null);
    }

    /** The backup (read with empty lists) with its lists filled in. */
    BackupMetadata attachTo(BackupMetadata b) {
        String id = b.backupId();
        return new BackupMetadata(id, b.timestamp(), sourcePaths.getOrDefault(id, List.of()), b.totalFiles(),
                b.totalSizeBytes(), b.checksum(), b.compressionType(), b.status(), b.durationSeconds(),
                b.errorMessage(), b.backupType(), b.parentId(), b.archiveSizeBytes(), b.storedFiles(),
                skippedFiles.getOrDefault(id, List.of()), b.encrypted(), replicas.getOrDefault(id, List.of()));
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> Map<String, List<T>> grouped(Handle handle, String select, String backupId, Column<T> column) {
        Query query = handle.createQuery(select + (backupId == null ? "" : " WHERE backup_id = ?")
                + " ORDER BY backup_id, position");
        if (backupId != null) {
            query.bind(0, backupId);
        }
        Map<String, List<T>> byBackup = new HashMap<>();
        query.map((rs, ctx) -> {
            byBackup.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(column.read(rs));
            return Boolean.TRUE;
        }).forEach(ignored -> { });
        return byBackup;
    }
}
