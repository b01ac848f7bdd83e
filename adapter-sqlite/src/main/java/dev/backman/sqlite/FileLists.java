package dev.backman.sqlite;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The {@code file_lists} table: each backup's tree as one value ({@link FileListCodec}), straight through JDBC on the
 * handle's connection, inside the caller's transaction. A list is only ever read or written whole; as rows, one per
 * file, reading the parent's list and writing the new one were most of a no-change backup's catalog time (about 0.2
 * and 0.3 s for 50,000 files) and the catalog grew by about 200 bytes per file and backup, a third of that now. The
 * value is kept in pieces of {@value #PIECE} bytes, one row each: SQLite and the driver copy a value whole in native
 * memory when they write or read it, and lists of 100,000 files (10 MB) as one value raised a no-change backup's peak
 * RSS by 60 MB.
 */
final class FileLists {
    static final int PIECE = 64 * 1024;
    static final String SELECT = "SELECT list FROM file_lists WHERE backup_id = ? ORDER BY piece";

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
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM file_lists WHERE backup_id = ?")) {
            delete.setString(1, backupId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO file_lists (backup_id, piece, entries, list) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, backupId);
            insert.setInt(3, sorted.size());
            FileListCodec.encode(sorted, PIECE, (piece, bytes) -> {
                insert.setInt(2, piece);
                insert.setBytes(4, bytes);
                insert.executeUpdate();
            });
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
        return value == null ? List.of() : FileListCodec.decodeOwnFiles(value, backupId);
    }

    /** The contents of {@link #storedIn} of the sizes {@code sizes} accepts, without their paths. */
    static List<StoredContent> contentsStoredIn(Connection connection, String backupId, LongPredicate sizes)
            throws SQLException {
        byte[] value = value(connection, backupId);
        return value == null ? List.of() : FileListCodec.decodeOwnContents(value, backupId, sizes);
    }

    /** The backup's list as one value, its pieces joined; null when none was saved. */
    private static byte[] value(Connection connection, String backupId) throws SQLException {
        List<byte[]> pieces = new ArrayList<>();
        int length = 0;
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, backupId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byte[] piece = rs.getBytes(1);
                    pieces.add(piece);
                    length = Math.addExact(length, piece.length);
                }
            }
        }
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        if (pieces.isEmpty()) {
            return null;
        }
        byte[] value = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, value, at, piece.length);
            at += piece.length;
        }
        return value;
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
