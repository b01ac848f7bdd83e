package dev.backman.domain.model;

import dev.backman.domain.error.InvalidConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides what a backup contains and where it goes. Every value is checked when the record is
 * built, so an invalid configuration fails before anything is written; errors name the configuration key.
 *
 * @param sourcePaths      the folders (or files) to back up; may be empty for commands that do not back up
 * @param backupLocation   a directory, or {@code s3://bucket/prefix}
 * @param retentionDays    completed backups older than this are pruned; 0 keeps them forever
 * @param compressionType  the archive format of new backups
 * @param maxFileSizeMb    larger files are skipped and reported; 0 means no limit
 * @param excludePatterns  a pattern without {@code /} matches any path component; one with {@code /} is a glob
 *                         on the path relative to the source root ({@code **} allowed)
 * @param includeHidden    whether names starting with {@code .} below a source root are backed up
 * @param fullEveryDays    an incremental chain restarts with a full backup after this many days
 * @param catalogPath      where the SQLite catalog lives; {@code null} for the default
 * @param retention        the {@code retention:} rules (keep_last, keep_daily …); a backup stays when any of them
 *                         or {@code retentionDays} keeps it; {@code null} means no rule
 */
public record BackupConfig(
        List<Path> sourcePaths,
        String backupLocation,
        int retentionDays,
        CompressionType compressionType,
        long maxFileSizeMb,
        List<String> excludePatterns,
        boolean includeHidden,
        int fullEveryDays,
        Path catalogPath,
        RetentionRules retention) {

    /** The default {@code backup_location}. */
    public static final String DEFAULT_LOCATION = "./backups";
    /** The default {@code exclude_patterns}. */
    public static final List<String> DEFAULT_EXCLUDES = List.of(".git", "__pycache__", "*.pyc", "node_modules");

    /**
     * Checks the components.
     *
     * @param sourcePaths the folders (or files) to back up; may be empty for commands that do not back up
     * @param backupLocation a directory, or {@code s3://bucket/prefix}
     * @param retentionDays completed backups older than this are pruned; 0 keeps them forever
     * @param compressionType the archive format of new backups
     * @param maxFileSizeMb larger files are skipped and reported; 0 means no limit
     * @param excludePatterns a pattern without {@code /} matches any path component; one with {@code /} is a glob on
     *     the path relative to the source root ({@code **} allowed)
     * @param includeHidden whether names starting with {@code .} below a source root are backed up
     * @param fullEveryDays an incremental chain restarts with a full backup after this many days
     * @param catalogPath where the SQLite catalog lives; {@code null} for the default
     * @param retention the {@code retention:} rules (keep_last, keep_daily …); a backup stays when any of them or
     *     {@code retentionDays} keeps it; {@code null} means no rule
     */
    public BackupConfig {
        sourcePaths = List.copyOf(Objects.requireNonNullElse(sourcePaths, List.of()));
        excludePatterns = List.copyOf(Objects.requireNonNullElse(excludePatterns, List.of()));
        retention = Objects.requireNonNullElse(retention, RetentionRules.none());
        if (backupLocation == null || backupLocation.isBlank()) {
            throw new InvalidConfiguration("backup_location", "must not be empty");
        }
        if (retentionDays < 0) {
            throw new InvalidConfiguration("retention_days", "must be 0 (keep forever) or more, got " + retentionDays);
        }
        if (compressionType == null) {
            throw new InvalidConfiguration("compression_type", "must be one of " + CompressionType.names());
        }
        if (maxFileSizeMb < 0) {
            throw new InvalidConfiguration("max_file_size_mb", "must be 0 (no limit) or more, got " + maxFileSizeMb);
        }
        if (fullEveryDays < 1) {
            throw new InvalidConfiguration("full_every_days", "must be 1 or more, got " + fullEveryDays);
        }
        for (String pattern : excludePatterns) {
            if (pattern == null || pattern.isBlank()) {
                throw new InvalidConfiguration("exclude_patterns", "must not contain an empty pattern");
            }
        }
    }

    /**
     * A configuration without {@code retention:} rules.
     *
     * @param sourcePaths     the folders (or files) to back up
     * @param backupLocation  a directory, or {@code s3://bucket/prefix}
     * @param retentionDays   completed backups older than this are pruned; 0 keeps them forever
     * @param compressionType the archive format of new backups
     * @param maxFileSizeMb   larger files are skipped; 0 means no limit
     * @param excludePatterns patterns of paths to leave out
     * @param includeHidden   whether names starting with {@code .} are backed up
     * @param fullEveryDays   an incremental chain restarts with a full backup after this many days
     * @param catalogPath     where the SQLite catalog lives; {@code null} for the default
     */
    public BackupConfig(List<Path> sourcePaths, String backupLocation, int retentionDays,
                        CompressionType compressionType, long maxFileSizeMb, List<String> excludePatterns,
                        boolean includeHidden, int fullEveryDays, Path catalogPath) {
        this(sourcePaths, backupLocation, retentionDays, compressionType, maxFileSizeMb, excludePatterns,
                includeHidden, fullEveryDays, catalogPath, RetentionRules.none());
    }

    /**
     * The defaults of every key, with no source paths.
     *
     * @return the default configuration
     */
    public static BackupConfig defaults() {
        return new BackupConfig(List.of(), DEFAULT_LOCATION, 30, CompressionType.ZIP, 100, DEFAULT_EXCLUDES,
                false, 7, null);
    }

    /**
     * The size limit in bytes; 0 means no limit.
     *
     * @return bytes
     */
    public long maxFileSizeBytes() {
        return maxFileSizeMb * 1024L * 1024L;
    }

    /**
     * The same configuration with other sources.
     *
     * @param value the folders (or files) to back up
     * @return a new configuration
     */
    public BackupConfig withSourcePaths(List<Path> value) {
        return new BackupConfig(value, backupLocation, retentionDays, compressionType, maxFileSizeMb,
                excludePatterns, includeHidden, fullEveryDays, catalogPath, retention);
    }

    /**
     * The same configuration with another repository location.
     *
     * @param value a directory, or {@code s3://bucket/prefix}
     * @return a new configuration
     */
    public BackupConfig withBackupLocation(String value) {
        return new BackupConfig(sourcePaths, value, retentionDays, compressionType, maxFileSizeMb,
                excludePatterns, includeHidden, fullEveryDays, catalogPath, retention);
    }

    /**
     * The same configuration with another age limit.
     *
     * @param value days after which completed backups are pruned; 0 keeps them forever
     * @return a new configuration
     */
    public BackupConfig withRetentionDays(int value) {
        return new BackupConfig(sourcePaths, backupLocation, value, compressionType, maxFileSizeMb,
                excludePatterns, includeHidden, fullEveryDays, catalogPath, retention);
    }

    /**
     * The same configuration with another archive format.
     *
     * @param value the format of new backups
     * @return a new configuration
     */
    public BackupConfig withCompressionType(CompressionType value) {
        return new BackupConfig(sourcePaths, backupLocation, retentionDays, value, maxFileSizeMb,
                excludePatterns, includeHidden, fullEveryDays, catalogPath, retention);
    }

    /**
     * The same configuration with another size limit.
     *
     * @param value larger files are skipped and reported; 0 means no limit
     * @return a new configuration
     */
    public BackupConfig withMaxFileSizeMb(long value) {
        return new BackupConfig(sourcePaths, backupLocation, retentionDays, compressionType, value,
                excludePatterns, includeHidden, fullEveryDays, catalogPath, retention);
    }

    /**
     * The same configuration with other exclusions.
     *
     * @param value the patterns (they replace the current ones)
     * @return a new configuration
     */
    public BackupConfig withExcludePatterns(List<String> value) {
        return new BackupConfig(sourcePaths, backupLocation, retentionDays, compressionType, maxFileSizeMb,
                value, includeHidden, fullEveryDays, catalogPath, retention);
    }

    /**
     * The same configuration, with or without hidden names.
     *
     * @param value whether names starting with {@code .} below a source root are backed up
     * @return a new configuration
     */
    public BackupConfig withIncludeHidden(boolean value) {
        return new BackupConfig(sourcePaths, backupLocation, retentionDays, compressionType, maxFileSizeMb,
                excludePatterns, value, fullEveryDays, catalogPath, retention);
    }

    /**
     * The same configuration with another chain length.
     *
     * @param value an incremental chain restarts with a full backup after this many days
     * @return a new configuration
     */
    public BackupConfig withFullEveryDays(int value) {
        return new BackupConfig(sourcePaths, backupLocation, retentionDays, compressionType, maxFileSizeMb,
                excludePatterns, includeHidden, value, catalogPath, retention);
    }

    /**
     * The same configuration with these {@code retention:} rules. {@code retentionDays} still applies too (a
     * backup stays when any rule keeps it): set it to 0 to let the rules alone decide.
     *
     * @param value the rules; {@code null} for none
     * @return a new configuration
     */
    public BackupConfig withRetention(RetentionRules value) {
        return new BackupConfig(sourcePaths, backupLocation, retentionDays, compressionType, maxFileSizeMb,
                excludePatterns, includeHidden, fullEveryDays, catalogPath, value);
    }

    /**
     * The same configuration with another catalog file.
     *
     * @param value where the SQLite catalog lives; null for the default
     * @return a new configuration
     */
    public BackupConfig withCatalogPath(Path value) {
        return new BackupConfig(sourcePaths, backupLocation, retentionDays, compressionType, maxFileSizeMb,
                excludePatterns, includeHidden, fullEveryDays, value, retention);
    }
}
