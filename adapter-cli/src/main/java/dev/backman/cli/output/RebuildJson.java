package dev.backman.cli.output;

import dev.backman.application.RebuildReport;
import java.util.List;

/**
 * {@code catalog rebuild --json}: {@code {"backups":N,"problems":[…]}}.
 *
 * @param backups  backups recorded in the new catalog
 * @param problems manifests that could not be read and were left out, one message each
 */
public record RebuildJson(int backups, List<String> problems) {

    public static RebuildJson of(RebuildReport report) {
        return new RebuildJson(report.backups(), report.problems());
    }
}
