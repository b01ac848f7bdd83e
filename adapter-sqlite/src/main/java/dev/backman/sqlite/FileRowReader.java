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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a backup's {@code files} rows straight through JDBC, columns by index. Text columns are taken as bytes: the
 * driver's getString wraps each value in a direct buffer first, and bytes measured about 25 % faster.
 */
final class FileRowReader {
    private static final EntryType[] TYPES = EntryType.values();
    private static final byte[][] WIRE_BYTES = wireBytes();

    static final String SELECT = """
            SELECT path, type, size, mode, mtime_second, mtime_nano, sha256, link_target, stored_in, file_key
            FROM files WHERE backup_id = ?""";
    /**
     * The primary key's range for the backup, filtered. A partial index of the own files (WHERE stored_in =
     * backup_id) was measured and left out: it made a full backup's saveFiles of 100,000 files about 40 % slower
     * (sqlite3 alone: 181 to 250 ms) and its filesStoredIn about 100 ms slower, to save 15 ms per 100,000 rows of
     * an incremental (sqlite3: 1 % own 3 ms vs 18 ms): a loss for chains shorter than about seven backups, and
     * full_every_days is 7.
     */
    static final String SELECT_STORED_IN = SELECT + " AND stored_in = backup_id AND type = 'file'";
    /** As {@link #SELECT_STORED_IN}, without the files another backup lists at the same path with the same digest. */
    static final String SELECT_STORED_IN_NOT_LISTED_BY = SELECT_STORED_IN + """
             AND NOT EXISTS (SELECT 1 FROM files AS o
                WHERE o.backup_id = ? AND o.path = files.path AND o.sha256 = files.sha256)""";

    private FileRowReader() {
    }

    /** The backup's list sorted by path (as {@link String#compareTo} orders them); empty when none was saved. */
    static List<FileEntry> of(Connection connection, String backupId) throws SQLException {
        return select(connection, SELECT, backupId);
    }

    /** The regular files whose contents the backup's own archive holds, sorted by path. */
    static List<FileEntry> storedIn(Connection connection, String backupId) throws SQLException {
        return select(connection, SELECT_STORED_IN, backupId);
    }

    /** The files {@code backupId}'s archive holds that {@code listedBy} does not list at their path with their digest. */
    static List<FileEntry> storedInNotListedBy(Connection connection, String backupId, String listedBy)
            throws SQLException {
        return select(connection, SELECT_STORED_IN_NOT_LISTED_BY, backupId, listedBy);
    }

    private static List<FileEntry> select(Connection connection, String sql, String... parameters)
            throws SQLException {
        List<FileEntry> files = new ArrayList<>();
        // A list names only a few backups in stored_in: keep one String per id rather than one per row.
        Map<String, String> storedIns = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String storedIn = text(rs, 9);
                    if (storedIn != null) {
                        storedIn = storedIns.computeIfAbsent(storedIn, id -> id);
                    }
                    files.add(new FileEntry(text(rs, 1), type(rs.getBytes(2)), rs.getLong(3), rs.getInt(4),
                            Instant.ofEpochSecond(rs.getLong(5), rs.getInt(6)), text(rs, 7), text(rs, 8),
                            storedIn, text(rs, 10)));
                }
            }
        }
        // Rows come in SQLite's byte order of UTF-8, which differs from String order only around surrogate pairs;
        // on an already sorted list this sort is one linear pass.
        files.sort(Comparator.comparing(FileEntry::path));
        return Collections.unmodifiableList(files);
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
