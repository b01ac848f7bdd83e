package dev.backman.domain.port;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        sha256ByPath = copyOf(sha256ByPath);
        changedWhileRead = List.copyOf(changedWhileRead);
        crc32cByPath = copyOf(crc32cByPath);
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

    /**
     * An unmodifiable copy that compares hash codes before keys. {@code Map.copyOf} probes by {@code equals} alone,
     * and archive paths share long prefixes: for 100,000 files building and reading its maps took a tenth of a
     * second of a backup's serial end.
     */
    private static <V> Map<String, V> copyOf(Map<String, V> map) {
        Map<String, V> copy = new HashMap<>(Math.max(16, (int) (map.size() / 0.75f) + 1));
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
        return Collections.unmodifiableMap(copy);
    }
}
