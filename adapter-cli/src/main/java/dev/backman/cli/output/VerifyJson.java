package dev.backman.cli.output;

import dev.backman.application.BackupVerification;
import dev.backman.application.VerifyReport;
import dev.backman.domain.model.BackupStatus;
import java.util.List;

/**
 * {@code verify --json}: {@code {"backups":[{"backup_id","status","files_checked","problems"}],"ok":…}}.
 *
 * @param backups one entry per backup checked
 * @param ok      whether every backup is intact
 */
public record VerifyJson(List<Checked> backups, boolean ok) {

    /** One verified backup. */
    public record Checked(String backupId, BackupStatus status, long filesChecked, List<String> problems) {
    }

    public static VerifyJson of(VerifyReport report) {
        return new VerifyJson(report.backups().stream().map(VerifyJson::checked).toList(), report.allIntact());
    }

    private static Checked checked(BackupVerification v) {
        return new Checked(v.backupId(), v.status(), v.filesChecked(), v.problems());
    }
}
