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

    /**
     * Checks the components.
     *
     * @param backupId the backup's id
     * @param timestamp when the backup started
     * @param sourcePaths absolute source paths
     * @param totalFiles regular files in the backup's tree
     * @param totalSizeBytes their total size
     * @param checksum SHA-256 over the sorted lines {@code <file sha256>  <path>\n} of every regular file
     * @param compressionType the archive format
     * @param status life-cycle state
     * @param durationSeconds how long the backup took
     * @param errorMessage why it failed; null otherwise
     * @param backupType full or incremental
     * @param parentId the previous backup of the chain; null for a full backup
     * @param archiveSizeBytes bytes of the archive in the repository
     * @param storedFiles regular files whose contents this backup's archive holds
     * @param skippedFiles source files left out, with reasons
     * @param encrypted whether archive and manifest are encrypted
     * @param replicas offsite copies and their state
     */
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

    /**
     * A new backup that has not started yet.
     *
     * @param backupId    the backup's id
     * @param timestamp   when it starts
     * @param sourcePaths absolute source paths
     * @param type        the archive format
     * @return a full, pending backup with no contents yet
     */
    public static BackupMetadata pending(String backupId, OffsetDateTime timestamp, List<String> sourcePaths,
                                         CompressionType type) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, 0, 0, null, type, BackupStatus.PENDING, 0,
                null, BackupType.FULL, null, 0, 0, List.of(), false, List.of());
    }

    /**
     * The same backup in another state.
     *
     * @param value the new status
     * @return a changed copy
     */
    public BackupMetadata withStatus(BackupStatus value) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, value, durationSeconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    /**
     * This backup as failed, with the reason.
     *
     * @param message why it failed
     * @param seconds how long it ran
     * @return a changed copy with status {@code failed} and no archive
     */
    public BackupMetadata failed(String message, double seconds) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, BackupStatus.FAILED, seconds, message, backupType, parentId, 0,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    /**
     * This backup's figures once its archive is written.
     *
     * @param files        regular files in the tree
     * @param sizeBytes    their total size
     * @param treeChecksum the tree's checksum ({@link TreeChecksum})
     * @param archiveBytes bytes of the archive
     * @param stored       regular files whose contents the archive holds
     * @param skipped      source files left out, with reasons
     * @return a changed copy
     */
    public BackupMetadata withContents(long files, long sizeBytes, String treeChecksum, long archiveBytes,
                                       long stored, List<SkippedFile> skipped) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, files, sizeBytes, treeChecksum,
                compressionType, status, durationSeconds, errorMessage, backupType, parentId, archiveBytes,
                stored, skipped, encrypted, replicas);
    }

    /**
     * The same backup with another duration.
     *
     * @param seconds how long the backup took
     * @return a changed copy
     */
    public BackupMetadata withDuration(double seconds) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, seconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    /**
     * The same backup, placed in a chain.
     *
     * @param type   full or incremental
     * @param parent the previous backup of the chain; null for a full backup
     * @return a changed copy
     */
    public BackupMetadata withChain(BackupType type, String parent) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, durationSeconds, errorMessage, type, parent, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, replicas);
    }

    /**
     * The same backup with other offsite copies.
     *
     * @param value the copies and their state
     * @return a changed copy
     */
    public BackupMetadata withReplicas(List<Replica> value) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, durationSeconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, encrypted, value);
    }

    /**
     * The same backup, encrypted or not.
     *
     * @param value whether archive and manifest are encrypted
     * @return a changed copy
     */
    public BackupMetadata withEncrypted(boolean value) {
        return new BackupMetadata(backupId, timestamp, sourcePaths, totalFiles, totalSizeBytes, checksum,
                compressionType, status, durationSeconds, errorMessage, backupType, parentId, archiveSizeBytes,
                storedFiles, skippedFiles, value, replicas);
    }
}
