package dev.backman.cli.output;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.ReplicaStatus;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code backman list} for people: one aligned row per backup, oldest first. SIZE is the backup's source bytes
 * (all its files); REPLICAS counts the offsite copies verified so far ({@code -} when there are no offsite
 * locations).
 */
public final class BackupTable {

    private BackupTable() {
    }

    public static void print(List<BackupMetadata> backups, PrintWriter out) {
        TextTable table = new TextTable("ID", "TIME", "TYPE", "FILES", "SIZE", "STATUS", "REPLICAS")
                .rightAligned(3, 4);
        for (BackupMetadata b : backups) {
            table.add(b.backupId(), TimeText.local(b.timestamp()), b.backupType().wireName(),
                    Long.toString(b.totalFiles()), HumanBytes.format(b.totalSizeBytes()), b.status().wireName(),
                    replicas(b.replicas()));
        }
        table.print(out);
    }

    /** {@code 2/2 verified}, {@code 1/2 verified, 1 failed}, or {@code -} without offsite locations. */
    static String replicas(List<Replica> replicas) {
        if (replicas.isEmpty()) {
            return "-";
        }
        long verified = replicas.stream().filter(r -> r.status() == ReplicaStatus.VERIFIED).count();
        long failed = replicas.stream().filter(r -> r.status() == ReplicaStatus.FAILED).count();
        return verified + "/" + replicas.size() + " verified" + (failed > 0 ? ", " + failed + " failed" : "");
    }
}
