package dev.backman.domain.port;

import java.util.List;
import java.util.Map;

/**
 * What an archive writer stored.
 *
 * @param sha256ByPath     SHA-256 of the bytes stored for each regular file added with {@code addFile}
 * @param changedWhileRead entries whose source changed size while being read
 */
public record WriteSummary(Map<String, String> sha256ByPath, List<String> changedWhileRead) {
    public WriteSummary {
        sha256ByPath = Map.copyOf(sha256ByPath);
        changedWhileRead = List.copyOf(changedWhileRead);
    }
}
