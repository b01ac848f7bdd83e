package dev.backman.application;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One backup to make.
 *
 * @param backupId    the id to use, or null to generate {@code backup_YYYYMMDD_HHMMSS}
 * @param sourcePaths sources for this backup; empty to use the configuration's
 * @param full        start a new chain even if an incremental backup would do
 * @param rehash      read every file even if its size and mtime are unchanged
 * @param dryRun      scan and report, write nothing
 */
public record BackupRequest(String backupId, List<Path> sourcePaths, boolean full, boolean rehash, boolean dryRun) {
    /**
     * Checks the components.
     *
     * @param backupId the id to use, or null to generate {@code backup_YYYYMMDD_HHMMSS}
     * @param sourcePaths sources for this backup; empty to use the configuration's
     * @param full start a new chain even if an incremental backup would do
     * @param rehash read every file even if its size and mtime are unchanged
     * @param dryRun scan and report, write nothing
     */
    public BackupRequest {
        sourcePaths = List.copyOf(Objects.requireNonNullElse(sourcePaths, List.of()));
    }

    /**
     * A backup of the configured sources with a generated id.
     *
     * @return the request
     */
    public static BackupRequest standard() {
        return new BackupRequest(null, List.of(), false, false, false);
    }

    /**
     * A backup of the configured sources with the given id.
     *
     * @param backupId the id to use
     * @return the request
     */
    public static BackupRequest withId(String backupId) {
        return new BackupRequest(backupId, List.of(), false, false, false);
    }
}
