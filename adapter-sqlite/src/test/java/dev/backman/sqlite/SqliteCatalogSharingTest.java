package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two catalogs on one file behave as two backman processes would: each sees the other's writes, none is lost. */
@Timeout(60)
class SqliteCatalogSharingTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-01-01T00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("catalog.db");
    }

    private static BackupMetadata backup(String id, int minute) {
        return BackupMetadata.pending(id, T0.plusMinutes(minute), List.of("/src/" + id), CompressionType.TAR_ZST);
    }

    @Test
    void twoCatalogsOnOneFileSeeEachOthersWrites() {
        try (SqliteBackupCatalog a = SqliteBackupCatalog.open(file());
             SqliteBackupCatalog b = SqliteBackupCatalog.open(file())) {
            BackupMetadata x = backup("x", 1);
            BackupMetadata y = backup("y", 2);

            a.save(x);
            assertThat(b.find("x")).contains(x);

            b.save(y);
            assertThat(a.list()).containsExactly(x, y);

            b.delete("x");
            assertThat(a.find("x")).isEmpty();
        }
    }

    @Test
    void twoCatalogsWritingAtOnceLoseNothing() throws Exception {
        int perWriter = 30;
        try (SqliteBackupCatalog a = SqliteBackupCatalog.open(file());
             SqliteBackupCatalog b = SqliteBackupCatalog.open(file())) {
            List<BackupMetadata> expected = new ArrayList<>();
            List<Callable<Void>> writers = new ArrayList<>();
            for (SqliteBackupCatalog catalog : List.of(a, b)) {
                String prefix = catalog == a ? "a" : "b";
                List<BackupMetadata> mine = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    mine.add(backup(prefix + i, i * 2 + (catalog == a ? 0 : 1)));
                }
                expected.addAll(mine);
                writers.add(() -> {
                    for (BackupMetadata m : mine) {
                        catalog.save(m);
                        catalog.list(); // interleave reads, as a status command would
                    }
                    return null;
                });
            }
            runTogether(writers);

            expected.sort((p, q) -> p.timestamp().compareTo(q.timestamp()));
            assertThat(a.list()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void severalProcessesOpeningANewCatalogAtOnceAllSucceed() throws Exception {
        // SQLite answers a switch to WAL that races with another connection "busy" at once, without waiting:
        // several rounds, each on a new file, make that race likely
        for (int round = 0; round < 12; round++) {
            Path file = dir.resolve("round-" + round + ".db");
            List<Callable<Void>> openers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                BackupMetadata mine = backup("p" + i, i);
                openers.add(() -> {
                    try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(file)) {
                        catalog.save(mine);
                    }
                    return null;
                });
            }
            runTogether(openers);

            try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(file)) {
                assertThat(catalog.list()).extracting(BackupMetadata::backupId)
                        .containsExactly("p0", "p1", "p2", "p3");
            }
        }
    }

    @Test
    void saveWaitsForAnotherProcessesWriteInsteadOfFailing() throws Exception {
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(file());
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE"); // holds the write lock, as a long save elsewhere would
            statement.execute("DELETE FROM backups");
            Thread committer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    statement.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            committer.start();

            catalog.save(backup("waited", 0));

            committer.join();
            assertThat(catalog.find("waited")).isPresent();
        }
    }

    private static void runTogether(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
