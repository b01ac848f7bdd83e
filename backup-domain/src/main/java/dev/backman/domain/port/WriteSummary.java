package dev.backman.domain.port;

import java.util.List;
import java.util.Map;

/**
 * What an archive writer stored.
 *
 * @param sha256ByPath     SHA-256 of the bytes stored for each regular file added with {@code addFile}
 * @param changedWhileRead entries whose source changed size while being read
 * @param crc32cByPath     CRC-32C of the same bytes, computed in the same pass; lets a backup check its archive
 *                         cheaply as it is written. Empty when the writer does not compute it.
 */
public record WriteSummary(Map<String, String> sha256ByPath, List<String> changedWhileRead,
                           Map<String, Integer> crc32cByPath) {
    /**
     * Checks the components.
     *
     * @param sha256ByPath SHA-256 of the bytes stored for each regular file added with {@code addFile}
     * @param changedWhileRead entries whose source changed size while being read
     * @param crc32cByPath CRC-32C of the same bytes, computed in the same pass; lets a backup check its archive cheaply
     *     as it is written. Empty when the writer does not compute it.
     */
    public WriteSummary {
        sha256ByPath = Map.copyOf(sha256ByPath);
        changedWhileRead = List.copyOf(changedWhileRead);
        crc32cByPath = Map.copyOf(crc32cByPath);
    }

    /**
     * A summary without CRC-32C values.
     *
     * @param sha256ByPath     SHA-256 of the bytes stored for each regular file
     * @param changedWhileRead entries whose source changed size while being read
     */
    public WriteSummary(Map<String, String> sha256ByPath, List<String> changedWhileRead) {
        this(sha256ByPath, changedWhileRead, Map.of());
    }
}
