package dev.backman.sqlite;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code files} rows of schema versions 2 and 3 (a row per file of each backup's tree), for the migration
 * that moves each backup's rows into one {@link FileLists} value. Columns by index; text taken as bytes (the driver's
 * getString wraps each value in a direct buffer first).
 */
final class FileRowReader {
    private static final EntryType[] TYPES = EntryType.values();
    private static final byte[][] WIRE_BYTES = wireBytes();

    static final String SELECT = """
            SELECT path, type, size, mode, mtime_second, mtime_nano, sha256, link_target, stored_in, file_key
            FROM files WHERE backup_id = ?""";

    private FileRowReader() {
    }

    /** Writes each backup's rows as its {@code file_lists} value; run it inside the migration's transaction. */
    static void moveToFileLists(Connection connection) throws SQLException {
        List<String> backups = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT backup_id FROM files");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                backups.add(rs.getString(1));
            }
        }
        for (String backupId : backups) {
            FileLists.replace(connection, backupId, select(connection, backupId));
        }
    }

    /** The backup's rows, in the primary key's order (FileLists.replace sorts them as it needs). */
    private static List<FileEntry> select(Connection connection, String backupId) throws SQLException {
        List<FileEntry> files = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SELECT)) {
            s.setString(1, backupId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.add(new FileEntry(text(rs, 1), type(rs.getBytes(2)), rs.getLong(3), rs.getInt(4),
                            Instant.ofEpochSecond(rs.getLong(5), rs.getInt(6)), text(rs, 7), text(rs, 8),
                            text(rs, 9), text(rs, 10)));
                }
            }
        }
        return files;
    }

    /** A TEXT column: the driver gives SQL NULL as null and '' as an empty array, so both round trip. */
    private static String text(ResultSet rs, int column) throws SQLException {
        byte[] utf8 = rs.getBytes(column);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    private static EntryType type(byte[] wireName) {
        for (int i = 0; i < WIRE_BYTES.length; i++) {
            if (Arrays.equals(WIRE_BYTES[i], wireName)) {
                return TYPES[i];
            }
        }
        String shown = wireName == null ? null : new String(wireName, StandardCharsets.UTF_8);
        throw new IllegalStateException(
                String.format(Locale.ROOT, "unknown entry type '%s' (written by a newer backman?)", shown));
    }

    private static byte[][] wireBytes() {
        byte[][] names = new byte[TYPES.length][];
        for (EntryType type : TYPES) {
            names[type.ordinal()] = type.wireName().getBytes(StandardCharsets.UTF_8);
        }
        return names;
    }
}
