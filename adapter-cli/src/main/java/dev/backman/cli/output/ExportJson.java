package dev.backman.cli.output;

import dev.backman.application.ExportResult;
import java.nio.file.Path;

/**
 * {@code export --json}: {@code {"backup_id","format","files","bytes","output"}}.
 *
 * @param backupId the exported backup
 * @param format   the archive's format ({@code zip}, {@code tar.gz} …)
 * @param files    regular files in the archive
 * @param bytes    their bytes (before compression)
 * @param output   the absolute path of the archive written
 */
public record ExportJson(String backupId, String format, long files, long bytes, String output) {

    public static ExportJson of(ExportResult result, Path output) {
        return new ExportJson(result.backupId(), result.format().extension(), result.files(), result.bytes(),
                output.toString());
    }
}
