package dev.backman.sqlite;

import dev.backman.domain.model.Verification;
import dev.backman.domain.model.VerifyMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Writes and reads {@link Verification}s: one row per backup and mode in {@code verifications}. */
final class VerificationRows {
    private static final String UPSERT = """
            INSERT INTO verifications (backup_id, mode, verified_at, epoch_second, nano, intact, problem)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (backup_id, mode) DO UPDATE SET verified_at = excluded.verified_at,
                epoch_second = excluded.epoch_second, nano = excluded.nano, intact = excluded.intact,
                problem = excluded.problem""";
    private static final String SELECT = """
            SELECT backup_id, mode, verified_at, intact, problem FROM verifications WHERE backup_id = ?
            ORDER BY epoch_second DESC, nano DESC, mode""";

    private VerificationRows() {
    }

    static void save(Handle handle, Verification v) {
        handle.createUpdate(UPSERT)
                .bind(0, v.backupId())
                .bind(1, v.mode().wireName())
                .bind(2, v.verifiedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .bind(3, v.verifiedAt().toEpochSecond())
                .bind(4, v.verifiedAt().getNano())
                .bind(5, v.intact())
                .bind(6, v.problem())
                .execute();
    }

    static List<Verification> of(Handle handle, String backupId) {
        return handle.createQuery(SELECT).bind(0, backupId)
                .map((rs, ctx) -> new Verification(rs.getString(1), mode(rs.getString(2)),
                        OffsetDateTime.parse(rs.getString(3)), rs.getInt(4) != 0, rs.getString(5)))
                .list();
    }

    private static VerifyMode mode(String wireName) {
        try {
            return VerifyMode.fromWireName(wireName);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("unknown verify mode '" + wireName + "' (written by a newer backman?)");
        }
    }
}
