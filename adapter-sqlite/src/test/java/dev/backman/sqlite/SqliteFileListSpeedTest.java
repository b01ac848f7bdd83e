package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how long the benchmark's catalog work takes: one saveFiles and one files() of 100,000 entries per backup. No
 * timed assertion (the machine is shared); the figures are for people tuning the catalog.
 */
class SqliteFileListSpeedTest {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFileListSpeedTest.class);
    private static final int FILES = 100_000;
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    /** A tree like a source checkout: directories of 50 files, realistic path lengths, digests and file keys. */
    private static List<FileEntry> tree(String backupId, String parentId) {
        List<FileEntry> files = new ArrayList<>(FILES);
        Instant mtime = Instant.parse("2024-03-10T14:05:09.123456789Z");
        String zeros = "0".repeat(64);
        for (int i = 0; i < FILES; i++) {
            // Concatenation rather than String.format: building the trees would otherwise take longer than the test.
            String path = "project/src/module-" + (100 + i / 5000) + "/package-" + (10 + i / 50 % 100)
                    + "/SomeSourceFile" + (100_000 + i) + ".java";
            String holder = i % 10 == 0 ? backupId : parentId; // an incremental: a tenth changed
            String digest = zeros + Long.toHexString(0x1000_0000_0000_0000L + path.hashCode() * 31L + i);
            String fileKey = "2049:" + (1_000_000 + i) + ":1710079509123";
            files.add(new FileEntry(path, EntryType.FILE, 1000L + i, 0644, mtime.plusNanos(i),
                    digest.substring(digest.length() - 64), null, holder, fileKey));
        }
        return files;
    }

    @Test
    void saveAndReadOfAHundredThousandFiles() {
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(dir.resolve("catalog.db"))) {
            String previous = null;
            for (int round = 0; round <= ROUNDS; round++) {
                // Round 0 and every third round are full backups (every file stored), the others incrementals.
                boolean full = round % 3 == 0;
                String id = "b" + round;
                List<FileEntry> files = tree(id, full ? id : previous);
                catalog.save(backup(id, round));

                long t0 = System.nanoTime();
                List<FileEntry> parents = previous == null ? List.of() : catalog.files(previous);
                long t1 = System.nanoTime();
                catalog.saveFiles(id, files);
                long t2 = System.nanoTime();
                List<FileEntry> own = catalog.filesStoredIn(id);
                long t3 = System.nanoTime();

                assertThat(parents).hasSize(previous == null ? 0 : FILES);
                assertThat(own).hasSize(full ? FILES : FILES / 10);
                LOG.info("round {} ({}): files() of the parent's {} = {} ms, saveFiles = {} ms,"
                        + " filesStoredIn ({}) = {} ms",
                        round, full ? "full" : "incremental", parents.size(), millis(t0, t1), millis(t1, t2),
                        own.size(), millis(t2, t3));
                previous = id;
            }
        }
    }

    private static BackupMetadata backup(String id, int minute) {
        return BackupMetadata.pending(id, OffsetDateTime.parse("2024-01-01T00:00Z").plusMinutes(minute),
                List.of("/project"), CompressionType.TAR_ZST);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
