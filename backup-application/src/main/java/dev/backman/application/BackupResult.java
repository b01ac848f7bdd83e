package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import java.util.Objects;

/**
 * A backup and what it took.
 *
 * @param metadata   the backup's metadata (as {@link BackupManager#createBackup(BackupRequest)} returns it)
 * @param statistics new, changed and unchanged files and the bytes stored and saved by deduplication
 */
public record BackupResult(BackupMetadata metadata, BackupStatistics statistics) {
    /**
     * Both parts are required.
     *
     * @param metadata   the backup's metadata
     * @param statistics what it took
     */
    public BackupResult {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(statistics, "statistics");
    }

    /**
     * The backup's rate over its source.
     *
     * @return source bytes (all regular files of the backup) per second of its duration; 0 if it took no time
     */
    public double bytesPerSecond() {
        return metadata.durationSeconds() <= 0 ? 0 : metadata.totalSizeBytes() / metadata.durationSeconds();
    }
}
