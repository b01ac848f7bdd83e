package dev.backman.sqlite;

import dev.backman.domain.model.FileEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code file_lists} table: each backup's tree as one value ({@link FileListCodec}), straight through JDBC on the
 * handle's connection, inside the caller's transaction. A list is only ever read or written whole; as rows, one per
 * file, reading the parent's list and writing the new one were most of a no-change backup's catalog time (about 0.2
 * and 0.3 s for 50,000 files) and the catalog grew by about 200 bytes per file and backup, a third of that now.
 */
final class FileLists {
    static final String SELECT = "SELECT list FROM file_lists WHERE backup_id = ?";

    private FileLists() {
    }

    /** Replaces the backup's list; run it inside a write transaction. */
    static void replace(Connection connection, String backupId, List<FileEntry> files) throws SQLException {
        requireBackup(connection, backupId);
        List<FileEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileEntry::path));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).path().equals(sorted.get(i - 1).path())) {
                throw new IllegalArgumentException("the list names " + sorted.get(i).path() + " twice");
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO file_lists (backup_id, entries, list) VALUES (?, ?, ?)
                ON CONFLICT (backup_id) DO UPDATE SET entries = excluded.entries, list = excluded.list""")) {
            upsert.setString(1, backupId);
            upsert.setInt(2, sorted.size());
            upsert.setBytes(3, FileListCodec.encode(sorted));
            upsert.executeUpdate();
        }
    }

    /** The backup's list sorted by path; empty when none was saved. */
    static List<FileEntry> of(Connection connection, String backupId) throws SQLException {
        byte[] value = value(connection, backupId);
        return value == null ? List.of() : FileListCodec.decode(value);
    }

    /** The regular files whose contents the backup's own archive holds, sorted by path. */
    static List<FileEntry> storedIn(Connection connection, String backupId) throws SQLException {
        byte[] value = value(connection, backupId);
        return value == null ? List.of() : FileListCodec.decodeOwnFiles(value, backupId, null);
    }

    /** The files {@code backupId}'s archive holds that {@code listedBy} does not list at their path with their digest. */
    static List<FileEntry> storedInNotListedBy(Connection connection, String backupId, String listedBy)
            throws SQLException {
        byte[] value = value(connection, backupId);
        return value == null ? List.of() : FileListCodec.decodeOwnFiles(value, backupId, value(connection, listedBy));
    }

    private static byte[] value(Connection connection, String backupId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, backupId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static void requireBackup(Connection connection, String backupId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM backups WHERE backup_id = ?")) {
            s.setString(1, backupId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("backup " + backupId + " is not in the catalog; save it first");
                }
            }
        }
    }
}
