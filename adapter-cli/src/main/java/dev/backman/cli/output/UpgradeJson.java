package dev.backman.cli.output;

import dev.backman.application.UpgradeReport;
import java.util.List;

/**
 * {@code repo upgrade --json}.
 *
 * @param fromVersion        the repository's format before
 * @param toVersion          its format now
 * @param manifestsRewritten manifests this run rewrote
 * @param alreadyCurrent     whether it was at the current format already (nothing written)
 * @param problems           manifests that could not be read, left as they are, one message each
 */
public record UpgradeJson(int fromVersion, int toVersion, int manifestsRewritten, boolean alreadyCurrent,
                          List<String> problems) {

    /**
     * The JSON of a report.
     *
     * @param report what the upgrade did
     * @return its JSON form
     */
    public static UpgradeJson of(UpgradeReport report) {
        return new UpgradeJson(report.fromVersion(), report.toVersion(), report.manifestsRewritten(),
                report.alreadyCurrent(), report.problems());
    }
}
