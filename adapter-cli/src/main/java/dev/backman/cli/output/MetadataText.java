package dev.backman.cli.output;

import dev.backman.application.BackupResult;
import dev.backman.application.BackupStatistics;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.Verification;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** One backup's metadata for people: a short summary after {@code backup}, key: value lines for {@code status}. */
public final class MetadataText {
    private MetadataText() {
    }

    /**
     * What {@code backup} prints when it is done: files (new, changed and unchanged against the parent backup), what
     * the archive stores, what deduplication saved, and how long it took at what rate over the source bytes.
     */
    public static void summary(BackupResult result, PrintWriter out) {
        BackupMetadata b = result.metadata();
        BackupStatistics s = result.statistics();
        String chain = b.backupType() == BackupType.FULL ? "full" : "incremental, parent " + b.parentId();
        out.println("backup " + b.backupId() + " " + b.status().wireName() + " (" + chain + ")");
        out.println("  files:    " + b.totalFiles() + " (" + HumanBytes.format(b.totalSizeBytes()) + "): "
                + s.newFiles() + " new, " + s.changedFiles() + " changed, " + s.unchangedFiles() + " unchanged");
        out.println("  stored:   " + HumanBytes.format(b.archiveSizeBytes()) + " " + b.compressionType()
                + " archive, holding " + b.storedFiles() + " file(s) of " + HumanBytes.format(s.storedFileBytes()));
        out.println("  dedup:    " + HumanBytes.format(s.dedupSavedBytes())
                + " not stored again (already in the chain, or duplicates)");
        double rate = result.bytesPerSecond();
        out.println("  duration: " + TimeText.duration(b.durationSeconds())
                + (rate > 0 ? " (" + HumanBytes.format((long) rate) + "/s)" : ""));
        printSkipped(b, out);
        out.flush();
    }

    /** What {@code status} prints: one {@code key: value} line per field, named as in the JSON output. */
    public static void status(BackupMetadata b, LastVerification verification, PrintWriter out) {
        line(out, "backup_id", b.backupId());
        line(out, "status", b.status().wireName());
        line(out, "backup_type", b.backupType().wireName());
        line(out, "parent_id", b.parentId() == null ? "-" : b.parentId());
        line(out, "timestamp", b.timestamp().toString());
        line(out, "source_paths", String.join(", ", b.sourcePaths()));
        line(out, "total_files", Long.toString(b.totalFiles()));
        line(out, "total_size_bytes", b.totalSizeBytes() + " (" + HumanBytes.format(b.totalSizeBytes()) + ")");
        line(out, "stored_files", Long.toString(b.storedFiles()));
        line(out, "archive_size_bytes", b.archiveSizeBytes() + " (" + HumanBytes.format(b.archiveSizeBytes()) + ")");
        line(out, "compression_type", b.compressionType().extension());
        line(out, "checksum", b.checksum() == null ? "-" : b.checksum());
        line(out, "duration_seconds", String.format(java.util.Locale.ROOT, "%.3f", b.durationSeconds()));
        line(out, "encrypted", Boolean.toString(b.encrypted()));
        if (b.errorMessage() != null) {
            line(out, "error_message", b.errorMessage());
        }
        if (!b.replicas().isEmpty()) {
            line(out, "replicas", b.replicas().stream().map(MetadataText::replica).collect(Collectors.joining(", ")));
        }
        verification(verification, out);
        line(out, "skipped_files", Integer.toString(b.skippedFiles().size()));
        for (SkippedFile file : b.skippedFiles()) {
            out.println("  " + file.path() + ": " + file.reason());
        }
        out.flush();
    }

    private static void verification(LastVerification verification, PrintWriter out) {
        Verification latest = verification.latest();
        if (latest == null) {
            line(out, "last_verified_at", "never");
            return;
        }
        line(out, "last_verified_at", latest.verifiedAt() + " (" + latest.mode().wireName() + ")");
        line(out, "last_verify_result", latest.outcome());
        if (latest.problem() != null) {
            line(out, "last_verify_problem", latest.problem());
        }
        line(out, "last_full_verify_at", verification.lastFullRead() == null ? "never"
                : verification.lastFullRead().toString());
    }

    private static void printSkipped(BackupMetadata b, PrintWriter out) {
        if (b.skippedFiles().isEmpty()) {
            return;
        }
        out.println("  skipped:  " + b.skippedFiles().size() + " file(s)");
        for (SkippedFile file : b.skippedFiles()) {
            out.println("    " + file.path() + ": " + file.reason());
        }
    }

    private static String replica(Replica replica) {
        return replica.location() + " (" + replica.status().wireName() + ")";
    }

    private static void line(PrintWriter out, String key, String value) {
        out.printf("%-19s %s%n", key + ":", value);
    }
}
