package dev.backman.application;

import java.util.List;

/**
 * What a restore did (or, for a dry run, would do).
 *
 * @param backupId       the restored backup
 * @param filesWritten   regular files written
 * @param bytesWritten   their bytes
 * @param unchanged      entries already present with the same content, left alone
 * @param directories    directories created or updated
 * @param symlinks       symlinks created
 * @param dryRun         whether nothing was written
 * @param plannedPaths   destination paths of every selected entry (immutable; a restore's own list makes each path
 *                       string when it is read, so that 100,000 of them are not held while files are written)
 * @param failures       files a partial restore could not bring back (empty otherwise); not counted as written
 */
public record RestoreResult(String backupId, long filesWritten, long bytesWritten, long unchanged, long directories,
                            long symlinks, boolean dryRun, List<String> plannedPaths, List<RestoreFailure> failures) {
    /**
     * Checks the components.
     *
     * @param backupId the restored backup
     * @param filesWritten regular files written
     * @param bytesWritten their bytes
     * @param unchanged entries already present with the same content, left alone
     * @param directories directories created or updated
     * @param symlinks symlinks created
     * @param dryRun whether nothing was written
     * @param plannedPaths destination paths of every selected entry
     * @param failures files a partial restore could not bring back (empty otherwise); not counted as written
     */
    public RestoreResult {
        // a restore's own list is immutable and makes each path only when asked (100,000 strings otherwise)
        plannedPaths = plannedPaths instanceof RestorePlan.Paths ? plannedPaths : List.copyOf(plannedPaths);
        failures = List.copyOf(failures);
    }
}
