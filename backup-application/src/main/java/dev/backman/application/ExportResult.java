package dev.backman.application;

import dev.backman.domain.model.CompressionType;

/**
 * A standalone archive written by {@code export}.
 *
 * @param backupId   the exported backup
 * @param format     the archive's format
 * @param files      regular files written
 * @param bytes      their bytes
 */
public record ExportResult(String backupId, CompressionType format, long files, long bytes) {
}
