package dev.backman.cli.output;

import dev.backman.domain.model.SkippedFile;
import java.util.List;
import java.util.Locale;

/**
 * Tells skips the user asked for (files over {@code max_file_size_mb}) from files that could not be read, which
 * make {@code backup} exit with 4.
 */
public final class SkipReasons {
    private SkipReasons() {
    }

    /** The skipped files that were meant to be backed up but could not be read. */
    public static List<SkippedFile> unreadable(List<SkippedFile> skipped) {
        return skipped.stream().filter(file -> !isSizeLimit(file.reason())).toList();
    }

    static boolean isSizeLimit(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return text.contains("max_file_size") || text.contains("size limit") || text.contains("larger than");
    }
}
