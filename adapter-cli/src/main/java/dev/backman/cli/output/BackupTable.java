package dev.backman.cli.output;

import dev.backman.domain.model.BackupMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code backman list} for people: one aligned row per backup, oldest first. */
public final class BackupTable {
    private static final String[] HEADER = {"ID", "TIME", "TYPE", "FILES", "SIZE", "STATUS"};
    private static final boolean[] RIGHT_ALIGNED = {false, false, false, true, true, false};

    private BackupTable() {
    }

    public static void print(List<BackupMetadata> backups, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (BackupMetadata b : backups) {
            rows.add(new String[] {b.backupId(), TimeText.local(b.timestamp()), b.backupType().wireName(),
                    Long.toString(b.totalFiles()), HumanBytes.format(b.totalSizeBytes()), b.status().wireName()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(RIGHT_ALIGNED[i] ? pad + cell : cell + (i < row.length - 1 ? pad : ""));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.println(line);
        }
        out.flush();
    }
}
