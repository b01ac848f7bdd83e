package dev.backman.cli.progress;

import dev.backman.cli.output.HumanBytes;
import dev.backman.domain.port.Progress;
import java.util.Locale;

/**
 * One line of a progress bar: phase, percent and bar, files (or backups) done of total, bytes done of total, rate
 * and time left, cut to the terminal's width. Parts that are not known yet (totals while scanning) are left out.
 */
final class ProgressLine {
    private static final int MAX_BAR = 30;
    private static final int MIN_BAR = 10;
    private static final int RATE_ROOM = "  1023 MiB/s".length();
    private static final int ETA_ROOM = "  ETA 9:59:59".length();

    private ProgressLine() {
    }

    /**
     * The line for {@code progress}, {@code elapsedNanos} into its phase, at most {@code columns - 1} wide. The bar's
     * width depends on the totals, not on the counts, so that it stays put while a phase runs; the rate is left out
     * when the bar would not fit with it.
     */
    static String render(Progress progress, long elapsedNanos, int columns) {
        double fraction = fraction(progress);
        String name = progress.phase().name().toLowerCase(Locale.ROOT);
        String counts = counts(progress, progress.filesDone(), progress.bytesDone());
        double seconds = elapsedNanos / 1e9;
        String rate = seconds >= 0.5 && progress.bytesDone() > 0
                ? "  " + HumanBytes.format((long) (progress.bytesDone() / seconds)) + "/s" : "";
        String eta = fraction > 0 && fraction < 1 && seconds >= 1
                ? "  ETA " + duration((long) (seconds * (1 - fraction) / fraction)) : "";
        if (fraction < 0) {
            return cut(name + counts + rate, columns);
        }
        String head = name + "  " + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100));
        // the widest the counts get in this phase, plus room for the rate and the time left
        int others = head.length() + 3 + counts(progress, progress.filesTotal(), progress.bytesTotal()).length()
                + ETA_ROOM;
        int width = Math.min(MAX_BAR, columns - 1 - others - RATE_ROOM);
        if (width < MIN_BAR) {
            rate = ""; // a narrow terminal: the bar matters more than the rate
            width = Math.min(MAX_BAR, columns - 1 - others);
        }
        String bar = width >= MIN_BAR ? " [" + bar(fraction, width) + "]" : "";
        return cut(head + bar + counts + rate + eta, columns);
    }

    /** {@code files} (or backups) and {@code bytes} done, of their totals when known. */
    private static String counts(Progress progress, long files, long bytes) {
        StringBuilder counts = new StringBuilder();
        if (progress.filesDone() > 0 || progress.filesTotal() > 0) {
            counts.append("  ").append(files);
            if (progress.filesTotal() > 0) {
                counts.append('/').append(progress.filesTotal());
            }
            counts.append(' ').append(unit(progress.phase()));
        }
        if (progress.bytesDone() > 0 || progress.bytesTotal() > 0) {
            counts.append("  ").append(HumanBytes.format(bytes));
            if (progress.bytesTotal() > 0) {
                counts.append('/').append(HumanBytes.format(progress.bytesTotal()));
            }
        }
        return counts.toString();
    }

    /** Share done, by bytes when their total is known, else by files; -1 when neither is. */
    static double fraction(Progress progress) {
        if (progress.bytesTotal() > 0) {
            return Math.min(1.0, (double) progress.bytesDone() / progress.bytesTotal());
        }
        if (progress.filesTotal() > 0) {
            return Math.min(1.0, (double) progress.filesDone() / progress.filesTotal());
        }
        return -1;
    }

    private static String unit(Progress.Phase phase) {
        return switch (phase) {
            case VERIFYING, REPLICATING -> "backups";
            default -> "files";
        };
    }

    private static String bar(double fraction, int width) {
        int filled = (int) Math.floor(fraction * width);
        return "#".repeat(filled) + "-".repeat(width - filled);
    }

    private static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    private static String cut(String line, int columns) {
        return line.length() < columns ? line : line.substring(0, Math.max(0, columns - 1));
    }
}
