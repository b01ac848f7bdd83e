package dev.backman.cli.output;

import dev.backman.application.BackupVerification;
import dev.backman.application.VerifyReport;
import dev.backman.domain.model.BackupStatus;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code verify --json}: {@code {"mode","candidates","backups":[{"backup_id","status","mode","verified_at","result",
 * "files_checked","problems"}],"ok"}}.
 *
 * @param mode       {@code full}, {@code quick} or {@code sample}
 * @param candidates backups the run could have checked (a sample reads only some)
 * @param backups    one entry per backup checked
 * @param ok         whether every backup checked is intact
 */
public record VerifyJson(String mode, int candidates, List<Checked> backups, boolean ok) {

    /**
     * One verified backup.
     *
     * @param result {@code ok} or {@code damaged}
     */
    public record Checked(String backupId, BackupStatus status, String mode, OffsetDateTime verifiedAt,
                          String result, long filesChecked, List<String> problems) {
    }

    public static VerifyJson of(VerifyReport report) {
        return new VerifyJson(report.mode().wireName(), report.candidates(),
                report.backups().stream().map(VerifyJson::checked).toList(), report.allIntact());
    }

    private static Checked checked(BackupVerification v) {
        return new Checked(v.backupId(), v.status(), v.mode().wireName(), v.verifiedAt(), v.intact() ? "ok" : "damaged",
                v.filesChecked(), v.problems());
    }
}
