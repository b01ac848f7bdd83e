package dev.backman.sqlite;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.ReplicaStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a {@code backups} row; wire names this code does not know are reported, not guessed. */
final class RowMapping {

    private RowMapping() {
    }

    /** The row as a backup whose lists are still empty. Column order is that of {@link BackupRows}' select. */
    static BackupMetadata backup(ResultSet rs, StatementContext ctx) throws SQLException {
        String id = rs.getString(1);
        String compression = rs.getString(6);
        double duration = rs.getDouble(8);
        if (rs.wasNull()) {
            duration = Double.NaN; // SQLite stores NaN as NULL
        }
        return new BackupMetadata(id, OffsetDateTime.parse(rs.getString(2)), List.of(), rs.getLong(3), rs.getLong(4),
                rs.getString(5),
                CompressionType.find(compression)
                        .orElseThrow(() -> new IllegalStateException(unknownMessage("compression type", compression))),
                parse(BackupStatus::fromWireName, "status", rs.getString(7)),
                duration, rs.getString(9),
                parse(BackupType::fromWireName, "backup type", rs.getString(10)),
                rs.getString(11), rs.getLong(12), rs.getLong(13), List.of(), rs.getInt(14) != 0, List.of());
    }

    static ReplicaStatus replicaStatus(String wireName) {
        return wireName == null ? null : parse(ReplicaStatus::fromWireName, "replica status", wireName);
    }

    private static <E extends Enum<E>> E parse(Function<String, E> fromWireName, String what, String wireName) {
        try {
            return fromWireName.apply(wireName);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(unknownMessage(what, wireName));
        }
    }

    private static String unknownMessage(String what, String wireName) {
        return String.format(Locale.ROOT, "unknown %s '%s' (written by a newer backman?)", what, wireName);
    }
}
