package dev.backman.application;

import java.util.List;

/**
 * What {@link BackupManager#upgradeRepository()} did.
 *
 * @param fromVersion        the repository's format version before
 * @param toVersion          its format version now
 * @param manifestsRewritten manifests rewritten by this run (a rerun after an interruption rewrites only the rest)
 * @param alreadyCurrent     true when the repository was at the current format already and nothing was written
 * @param problems           manifests that could not be read or belong to another repository, each named; they are
 *                           left as they are
 */
public record UpgradeReport(int fromVersion, int toVersion, int manifestsRewritten, boolean alreadyCurrent,
                            List<String> problems) {
    /**
     * Copies the problems.
     *
     * @param fromVersion the repository's format version before
     * @param toVersion its format version now
     * @param manifestsRewritten manifests rewritten by this run (a rerun after an interruption rewrites only the rest)
     * @param alreadyCurrent true when the repository was at the current format already and nothing was written
     * @param problems manifests that could not be read or belong to another repository, each named; they are left as
     *     they are
     * @throws NullPointerException when {@code problems} is null
     */
    public UpgradeReport {
        problems = List.copyOf(problems);
    }
}
