package dev.backman.cli.output;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.Verification;
import java.time.OffsetDateTime;

/**
 * {@code status --json}: every field of the backup's metadata, then its last verification:
 * {@code last_verified_at}, {@code last_verify_mode}, {@code last_verify_result} ({@code ok} | {@code damaged}),
 * {@code last_verify_problem} and {@code last_full_verify_at}; all null when it was never verified.
 */
public record StatusJson(@JsonUnwrapped BackupMetadata backup, OffsetDateTime lastVerifiedAt,
                         String lastVerifyMode, String lastVerifyResult, String lastVerifyProblem,
                         OffsetDateTime lastFullVerifyAt) {

    public static StatusJson of(BackupMetadata backup, LastVerification verification) {
        Verification latest = verification.latest();
        return new StatusJson(backup,
                latest == null ? null : latest.verifiedAt(),
                latest == null ? null : latest.mode().wireName(),
                latest == null ? null : latest.outcome(),
                latest == null ? null : latest.problem(),
                verification.lastFullRead());
    }
}
