package dev.backman.application;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One restore to run.
 *
 * @param backupId  the backup to restore
 * @param target    a directory that receives {@code <target>/<root>/…}; null to restore each root to its original
 *                  source path
 * @param includes  globs on entry names ({@code src/main/**}); empty restores everything
 * @param overwrite replace existing files whose content differs (otherwise the restore refuses before writing)
 * @param dryRun    plan and report, write nothing
 * @param partial   on a damaged backup, restore every intact file and report the others in
 *                  {@link RestoreResult#failures()} instead of writing nothing
 */
public record RestoreRequest(String backupId, Path target, List<String> includes, boolean overwrite, boolean dryRun,
                             boolean partial) {
    /**
     * Checks the components.
     *
     * @param backupId the backup to restore
     * @param target a directory that receives {@code <target>/<root>/…}; null to restore each root to its original
     *     source path
     * @param includes globs on entry names ({@code src/main/**}); empty restores everything
     * @param overwrite replace existing files whose content differs (otherwise the restore refuses before writing)
     * @param dryRun plan and report, write nothing
     * @param partial on a damaged backup, restore every intact file and report the others in {@link
     *     RestoreResult#failures()} instead of writing nothing
     */
    public RestoreRequest {
        Objects.requireNonNull(backupId, "backupId");
        includes = List.copyOf(Objects.requireNonNullElse(includes, List.of()));
    }

    /**
     * A restore that writes nothing when the backup is damaged.
     *
     * @param backupId  the backup to restore
     * @param target    a directory that receives {@code <target>/<root>/…}; null for the original source paths
     * @param includes  globs on entry names; empty restores everything
     * @param overwrite replace existing files whose content differs
     * @param dryRun    plan and report, write nothing
     */
    public RestoreRequest(String backupId, Path target, List<String> includes, boolean overwrite, boolean dryRun) {
        this(backupId, target, includes, overwrite, dryRun, false);
    }

    /**
     * Restores everything of {@code backupId} into {@code target} (null: original locations).
     *
     * @param backupId the backup to restore
     * @param target   a directory that receives {@code <target>/<root>/…}; null for the original source paths
     * @return the request
     */
    public static RestoreRequest of(String backupId, Path target) {
        return new RestoreRequest(backupId, target, List.of(), false, false, false);
    }
}
