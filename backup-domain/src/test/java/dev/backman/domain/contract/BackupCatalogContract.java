package dev.backman.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.ReplicaStatus;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.port.BackupCatalog;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link BackupCatalog} must show. An implementation's test extends this class and says how to
 * open a catalog kept in a directory.
 */
public abstract class BackupCatalogContract {

    @TempDir
    protected Path dir;

    private final List<BackupCatalog> opened = new ArrayList<>();

    /** A catalog kept in {@code dir}; an empty directory gives an empty catalog. */
    protected abstract BackupCatalog newCatalog(Path dir);

    /** The catalog kept in {@code dir} opened again, as the next run of backman would; after the previous one closed. */
    protected BackupCatalog reopen(Path dir) {
        return newCatalog(dir);
    }

    @AfterEach
    void closeCatalogs() {
        opened.forEach(BackupCatalog::close);
    }

    protected final BackupCatalog open() {
        return track(newCatalog(dir));
    }

    private BackupCatalog track(BackupCatalog catalog) {
        opened.add(catalog);
        return catalog;
    }

    /** A backup with every field set to something other than its default. */
    protected static BackupMetadata everyFieldSet(String id, OffsetDateTime timestamp) {
        return new BackupMetadata(id, timestamp, List.of("/home/ann/src", "/home/ann/notes ü €", "/etc/app"),
                1_234_567_890_123L, 9_876_543_210_987L, "ab".repeat(32), CompressionType.TAR_ZST,
                BackupStatus.COMPLETED, 0.1 + 0.2, "disk full, then retried", BackupType.INCREMENTAL,
                "backup_20240101_000000", 4_294_967_296L, 42,
                List.of(new SkippedFile("/home/ann/src/locked.db", "permission denied"),
                        new SkippedFile("/home/ann/src/gone.txt", "vanished during the backup")),
                true,
                List.of(new Replica("s3://offsite/a", ReplicaStatus.VERIFIED),
                        new Replica("/mnt/usb/backups", ReplicaStatus.FAILED)));
    }

    /** A backup whose optional fields are null or empty. */
    protected static BackupMetadata minimal(String id, OffsetDateTime timestamp) {
        return BackupMetadata.pending(id, timestamp, List.of(), CompressionType.ZIP);
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void savedBackupIsFoundWithEveryFieldIntact() {
        BackupCatalog catalog = open();
        OffsetDateTime timestamp = at("2024-03-10T14:05:09.123456789+05:45");
        BackupMetadata backup = everyFieldSet("b1", timestamp);

        catalog.save(backup);

        BackupMetadata found = catalog.find("b1").orElseThrow();
        assertThat(found).isEqualTo(backup);
        assertThat(found.timestamp().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 45));
        assertThat(found.timestamp().getNano()).isEqualTo(123_456_789);
        assertThat(found.durationSeconds()).isEqualTo(0.1 + 0.2);
        assertThat(found.skippedFiles()).containsExactlyElementsOf(backup.skippedFiles());
        assertThat(found.replicas()).containsExactlyElementsOf(backup.replicas());
    }

    @Test
    void nullsAndEmptyListsRoundTrip() {
        BackupCatalog catalog = open();
        BackupMetadata backup = minimal("b1", at("2024-03-10T14:05Z"));

        catalog.save(backup);

        BackupMetadata found = catalog.find("b1").orElseThrow();
        assertThat(found).isEqualTo(backup);
        assertThat(found.checksum()).isNull();
        assertThat(found.errorMessage()).isNull();
        assertThat(found.parentId()).isNull();
        assertThat(found.sourcePaths()).isEmpty();
        assertThat(found.skippedFiles()).isEmpty();
        assertThat(found.replicas()).isEmpty();
    }

    @Test
    void everyStatusAndFormatRoundTrips() {
        BackupCatalog catalog = open();
        List<BackupMetadata> saved = new ArrayList<>();
        int n = 0;
        for (BackupStatus status : BackupStatus.values()) {
            for (CompressionType type : CompressionType.values()) {
                BackupMetadata backup = BackupMetadata.pending("b" + n, at("2024-01-01T00:00Z").plusSeconds(n),
                        List.of("/src"), type).withStatus(status).withChain(BackupType.values()[n % 2], null);
                catalog.save(backup);
                saved.add(backup);
                n++;
            }
        }

        assertThat(catalog.list()).containsExactlyElementsOf(saved);
    }

    @Test
    void savingTheSameIdReplacesTheWholeBackup() {
        BackupCatalog catalog = open();
        OffsetDateTime timestamp = at("2024-03-10T14:05:09Z");
        catalog.save(everyFieldSet("b1", timestamp));
        BackupMetadata replacement = minimal("b1", timestamp.plusHours(1))
                .withStatus(BackupStatus.FAILED)
                .withReplicas(List.of(new Replica("s3://other", ReplicaStatus.PENDING)));

        catalog.save(replacement);

        assertThat(catalog.find("b1")).contains(replacement);
        assertThat(catalog.list()).containsExactly(replacement);
    }

    @Test
    void listIsOldestFirstAndEqualTimestampsAreOrderedById() {
        BackupCatalog catalog = open();
        BackupMetadata newest = minimal("a-newest", at("2024-05-02T00:00Z"));
        BackupMetadata middleB = minimal("m-b", at("2024-05-01T12:00Z"));
        BackupMetadata middleA = minimal("m-a", at("2024-05-01T12:00Z"));
        // Same instant as the middle ones, written with another offset.
        BackupMetadata middleC = minimal("m-c", at("2024-05-01T14:00+02:00"));
        // Earliest instant although its local time reads later than the middle ones.
        BackupMetadata oldest = minimal("z-oldest", at("2024-05-01T20:00+10:00"));
        for (BackupMetadata backup : List.of(newest, middleB, oldest, middleC, middleA)) {
            catalog.save(backup);
        }

        assertThat(catalog.list()).containsExactly(oldest, middleA, middleB, middleC, newest);
    }

    @Test
    void emptyCatalogListsNothing() {
        assertThat(open().list()).isEmpty();
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        BackupCatalog catalog = open();
        catalog.save(minimal("b1", at("2024-03-10T14:05Z")));

        assertThat(catalog.find("b2")).isEmpty();
    }

    @Test
    void deleteRemovesOnlyThatBackup() {
        BackupCatalog catalog = open();
        BackupMetadata kept = everyFieldSet("kept", at("2024-03-10T14:05Z"));
        catalog.save(everyFieldSet("gone", at("2024-03-09T14:05Z")));
        catalog.save(kept);

        catalog.delete("gone");

        assertThat(catalog.find("gone")).isEmpty();
        assertThat(catalog.list()).containsExactly(kept);
    }

    @Test
    void deletedIdCanBeSavedAgainWithoutLeftovers() {
        BackupCatalog catalog = open();
        catalog.save(everyFieldSet("b1", at("2024-03-10T14:05Z")));
        catalog.delete("b1");
        BackupMetadata again = minimal("b1", at("2024-03-11T14:05Z"));

        catalog.save(again);

        assertThat(catalog.find("b1")).contains(again);
    }

    @Test
    void deleteOfAnUnknownIdDoesNothing() {
        BackupCatalog catalog = open();
        BackupMetadata backup = minimal("b1", at("2024-03-10T14:05Z"));
        catalog.save(backup);

        catalog.delete("unknown");

        assertThat(catalog.list()).containsExactly(backup);
    }

    @Test
    void backupsSurviveCloseAndReopen() {
        BackupCatalog first = newCatalog(dir);
        BackupMetadata a = everyFieldSet("a", at("2024-03-10T14:05:09.5-03:30"));
        BackupMetadata b = minimal("b", at("2024-03-11T00:00Z"));
        first.save(a);
        first.save(b);
        first.close();

        BackupCatalog second = track(reopen(dir));

        assertThat(second.list()).containsExactly(a, b);
    }

    @Test
    @Timeout(60)
    void concurrentSavesFromSeveralThreadsLoseNothing() throws Exception {
        BackupCatalog catalog = open();
        int threads = 4;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<BackupMetadata> expected = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                List<BackupMetadata> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(everyFieldSet(String.format("t%d-%03d", t, i),
                            at("2024-01-01T00:00Z").plusMinutes((long) i * threads + t)));
                }
                expected.addAll(mine);
                futures.add(pool.submit(() -> {
                    start.await();
                    mine.forEach(catalog::save);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        expected.sort((x, y) -> x.timestamp().compareTo(y.timestamp()));
        assertThat(catalog.list()).containsExactlyElementsOf(expected);
    }
}
