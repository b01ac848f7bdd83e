package dev.backman.domain.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the catalog and the manifest record about one backup. JSON uses the same names in snake_case
 * ({@code backup_id}, {@code total_files} …).
 *
 * @param backupId          the backup's id
 * @param timestamp         when the backup started
 * @param sourcePaths       absolute source paths
 * @param totalFiles        regular files in the backup's tree
 * @param totalSizeBytes    their total size
 * @param checksum          SHA-256 over the sorted lines {@code <file sha256>  <path>\n} of every regular file
 * @param compressionType   the archive format
 * @param status            life-cycle state
 * @param durationSeconds   how long the backup took
 * @param errorMessage      why it failed; null otherwise
 * @param backupType        full or incremental
 * @param parentId          the previous backup of the chain; null for a full backup
 * @param archiveSizeBytes  bytes of the archive in the repository
 * @param storedFiles       regular files whose contents this backup's archive holds
 * @param skippedFiles      source files left out, with reasons
 * @param encrypted         whether archive and manifest are encrypted
 * @param replicas          offsite copies and their state
 */
public record BackupMetadata(
        String backupId,
        OffsetDateTime timestamp,
        List<String> sourcePaths,
        long totalFiles,
        long totalSizeBytes,
        String checksum,
        CompressionType compressionType,
        BackupStatus status,
        double durationSeconds,
        String errorMessage,
        BackupType backupType,
        String parentId,
        long archiveSizeBytes,
        long storedFiles,
        List<SkippedFile> skippedFiles,
        boolean encrypted,
        List<Replica> replicas) {

    public BackupMetadata {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(compressionType, "compressionType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(backupType, "backupType");
        sourcePaths = List.copyOf(Objects.requireNonNullElse(sourcePaths, List.of()));
        skippedFiles = List.copyOf(Objects.requireNonNullElse(skippedFiles, List.of()));
        replicas = List.copyOf(Objects.requireNonNullElse(replicas, List.of()));
    }

    /** A new backup that has not started yet. */
    public static BackupMetadata pending(String backupId, OffsetDateTime timestamp, List<String> sourcePaths,
                                         CompressionType type) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, 0, 0, null, type, BackupStatus.PENDING, 0,
                null, BackupType.FULL, null, 0, 0, List.of(), false, List.of());
    }

    public BackupMetadata withStatus(BackupStatus value) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, value, durationSeconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    /** This backup as failed, with the reason. */
    public BackupMetadata failed(String message, double seconds) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, BackupStatus.FAILED, seconds, message, backupType, parentId, 0,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    /** This backup's figures once its archive is written. */
    public BackupMetadata withContents(long files, long sizeBytes, String treeChecksum, long archiveBytes,
                                       long stored, List<SkippedFile> skipped) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, files, sizeBytes, treeChecksum,
                compressionType, status, durationSeconds, errorMessage, backupType, parentId, archiveBytes,
                stored, skipped, encrypted, replicas);
    }

    public BackupMetadata withDuration(double seconds) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, seconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    public BackupMetadata withChain(BackupType type, String parent) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, durationSeconds, errorMessage, type, parent, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    public BackupMetadata withReplicas(List<Replica> value) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, durationSeconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, value);
    }

    public BackupMetadata withEncrypted(boolean value) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, durationSeconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, value, replicas);
    }
}
