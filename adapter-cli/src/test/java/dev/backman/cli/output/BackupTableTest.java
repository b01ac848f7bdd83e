package dev.backman.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.ReplicaStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupTableTest {

    @Test
    void columnsAreAlignedWhateverTheLengthOfIdsAndNumbersAreRightAligned() {
        List<String> lines = print(List.of(
                backup("a", 3, 512, BackupStatus.COMPLETED).withReplicas(List.of()),
                backup("backup_20261129_120000", 12_345, 13_002_342, BackupStatus.COMPLETED)
                        .withChain(BackupType.INCREMENTAL, "a")
                        .withReplicas(List.of(new Replica("s3://b/copy", ReplicaStatus.VERIFIED),
                                new Replica("/mnt/usb", ReplicaStatus.FAILED))),
                backup("mid-length", 40, 2_000, BackupStatus.FAILED)
                        .withReplicas(List.of(new Replica("/mnt/usb", ReplicaStatus.VERIFIED)))));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("ID +TIME +TYPE +FILES +SIZE +STATUS +REPLICAS");
        assertThat(lines.get(1)).matches("a +\\S+ \\S+ +full +3 +512 B +completed +-");
        assertThat(lines.get(2)).matches(
                "backup_20261129_120000 +\\S+ \\S+ +incremental +12345 +12 MiB +completed +1/2 verified, 1 failed");
        assertThat(lines.get(3)).matches("mid-length +\\S+ \\S+ +full +40 +2.0 KiB +failed +1/1 verified");
        for (String left : List.of("TIME", "TYPE", "STATUS", "REPLICAS")) { // left-aligned: cells start together
            int start = lines.get(0).indexOf(left);
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.charAt(start - 1)).as(line).isEqualTo(' ');
                assertThat(line.charAt(start)).as(line).isNotEqualTo(' ');
            });
        }
        for (String right : List.of("FILES", "SIZE")) { // right-aligned: cells end together
            int end = lines.get(0).indexOf(right) + right.length() - 1;
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.charAt(end)).as(line).isNotEqualTo(' ');
                assertThat(line.charAt(end + 1)).as(line).isEqualTo(' ');
            });
        }
        assertThat(lines).noneMatch(line -> line.endsWith(" "));
    }

    private static List<String> print(List<BackupMetadata> backups) {
        StringWriter text = new StringWriter();
        BackupTable.print(backups, new PrintWriter(text));
        return text.toString().lines().toList();
    }

    private static BackupMetadata backup(String id, long files, long bytes, BackupStatus status) {
        return BackupMetadata.pending(id, OffsetDateTime.parse("2026-11-29T12:00:00Z"), List.of("/src"),
                CompressionType.ZIP).withContents(files, bytes, null, bytes / 2, files, List.of()).withStatus(status);
    }
}
