package dev.backman.filesystem.scan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The max_file_size_mb rule: which regular files are too large, and the reason a user reads. */
final class SizeLimit {
    private static final long MIB = 1024L * 1024L;
    private final long maxBytes;

    SizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    boolean exceededBy(long size) {
        return maxBytes > 0 && size > maxBytes;
    }

    String reason(long size) {
        return "larger than max_file_size_mb (" + megabytes(size) + " MB > " + megabytes(maxBytes) + " MB)";
    }

    /** Rounded up to a tenth, so a file just over the limit never reads as equal to it. */
    private static String megabytes(long bytes) {
        BigDecimal value = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MIB), 1, RoundingMode.CEILING);
        return value.stripTrailingZeros().toPlainString();
    }
}
