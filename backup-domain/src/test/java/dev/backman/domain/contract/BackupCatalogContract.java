package dev.backman.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.ReplicaStatus;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.Verification;
import dev.backman.domain.model.VerifyMode;
import dev.backman.domain.port.BackupCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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

    // ----- file lists -----

    private static final Instant MTIME = Instant.parse("2024-03-10T14:05:09.123456789Z");

    /** A regular file whose contents {@code storedIn}'s archive holds. */
    protected static FileEntry file(String path, String storedIn) {
        return new FileEntry(path, EntryType.FILE, path.length() * 1000L, 0644, MTIME,
                String.format("%064x", path.hashCode() & 0xffffffffL), null, storedIn,
                "2049:" + (path.hashCode() & 0xffffffffL) + ":1710079509123");
    }

    /** Every kind of entry, with every field set to something unusual, including nulls and -1. */
    protected static List<FileEntry> everyKindOfEntry(String backupId) {
        return List.of(
                new FileEntry("src", EntryType.DIR, 0, 0755, Instant.parse("2024-01-01T00:00:00Z"), null, null,
                        null, "2049:2:1704067200000"),
                new FileEntry("src/notes ü €/日本語 😀.txt", EntryType.FILE, 9_876_543_210_987L, 0600,
                        Instant.ofEpochSecond(1_710_079_509L, 999_999_999), "0123456789abcdef".repeat(4), null,
                        backupId, "2049:4294967296:1710079509999"),
                new FileEntry("src/from-parent.bin", EntryType.FILE, 0, -1, Instant.ofEpochSecond(-86_400L, 1),
                        "f".repeat(64), null, "backup_20240101_000000", null),
                new FileEntry("src/link", EntryType.SYMLINK, 0, 0777, MTIME, null, "../elsewhere/target ü", null,
                        null),
                new FileEntry("src/dangling", EntryType.SYMLINK, 0, -1, Instant.EPOCH, null, "", null, ""));
    }

    private static List<FileEntry> sortedByPath(List<FileEntry> files) {
        List<FileEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileEntry::path));
        return sorted;
    }

    private BackupCatalog withBackups(String... ids) {
        BackupCatalog catalog = open();
        for (int i = 0; i < ids.length; i++) {
            catalog.save(minimal(ids[i], at("2024-03-10T14:05Z").plusMinutes(i)));
        }
        return catalog;
    }

    @Test
    void savedFilesComeBackWithEveryFieldIntact() {
        BackupCatalog catalog = withBackups("b1");
        List<FileEntry> files = everyKindOfEntry("b1");

        catalog.saveFiles("b1", files);

        List<FileEntry> found = catalog.files("b1");
        assertThat(found).containsExactlyElementsOf(sortedByPath(files));
        FileEntry unicode = found.stream().filter(f -> f.path().endsWith(".txt")).findFirst().orElseThrow();
        assertThat(unicode.mtime().getNano()).isEqualTo(999_999_999);
        assertThat(unicode.fileKey()).isEqualTo("2049:4294967296:1710079509999");
        FileEntry noMode = found.stream().filter(f -> f.path().endsWith(".bin")).findFirst().orElseThrow();
        assertThat(noMode.mode()).isEqualTo(-1);
        assertThat(noMode.mtime()).isEqualTo(Instant.ofEpochSecond(-86_400L, 1));
        assertThat(noMode.fileKey()).isNull();
    }

    @Test
    void filesAreSortedByPathWhateverTheOrderSaved() {
        BackupCatalog catalog = withBackups("b1");
        // String order: upper case before lower, ' ' < '-' < '/', and a surrogate pair (😀) before U+FF21.
        List<String> paths = List.of("r/ä", "r/a/b", "r/a-b", "r/a b", "r/a", "r/Z", "r/\uFF21", "r/😀", "r");
        List<FileEntry> files = paths.stream().map(p -> file(p, "b1")).toList();

        catalog.saveFiles("b1", files);

        assertThat(catalog.files("b1")).extracting(FileEntry::path)
                .containsExactly("r", "r/Z", "r/a", "r/a b", "r/a-b", "r/a/b", "r/ä", "r/😀", "r/\uFF21");
    }

    @Test
    void savingFilesAgainReplacesTheWholeList() {
        BackupCatalog catalog = withBackups("b1");
        catalog.saveFiles("b1", List.of(file("r/old", "b1"), file("r/kept", "b1")));
        FileEntry changed = file("r/kept", "b1").withSha256("e".repeat(64));
        FileEntry added = file("r/new", "b1");

        catalog.saveFiles("b1", List.of(changed, added));

        assertThat(catalog.files("b1")).containsExactly(changed, added);
    }

    @Test
    void savingAnEmptyListClearsTheFiles() {
        BackupCatalog catalog = withBackups("b1");
        catalog.saveFiles("b1", List.of(file("r/a", "b1")));

        catalog.saveFiles("b1", List.of());

        assertThat(catalog.files("b1")).isEmpty();
        assertThat(catalog.filesStoredIn("b1")).isEmpty();
    }

    @Test
    void filesOfAnUnknownBackupOrOneWithoutAListAreEmpty() {
        BackupCatalog catalog = withBackups("b1", "b2");
        catalog.saveFiles("b1", List.of(file("r/a", "b1")));

        assertThat(catalog.files("b2")).isEmpty();
        assertThat(catalog.files("unknown")).isEmpty();
        assertThat(catalog.filesStoredIn("unknown")).isEmpty();
    }

    @Test
    void contentsStoredInAreTheDigestsAndSizesOfTheFilesStoredIn() {
        BackupCatalog catalog = withBackups("b0", "b1");
        FileEntry kept = file("r/kept", "b0");
        FileEntry changed = new FileEntry("r/changed", EntryType.FILE, 5, 0644, MTIME, "e".repeat(64), null, "b0");
        FileEntry copy = new FileEntry("r/copy", EntryType.FILE, 5, 0644, MTIME, "e".repeat(64), null, "b0");
        catalog.saveFiles("b0", List.of(kept, changed, copy,
                new FileEntry("r", EntryType.DIR, 0, 0755, MTIME, null, null, null)));
        FileEntry changedNow = new FileEntry("r/changed", EntryType.FILE, 7, 0644, MTIME, "f".repeat(64), null, "b1");
        catalog.saveFiles("b1", List.of(kept, changedNow, copy));

        assertThat(catalog.contentsStoredIn("b0", size -> true)).containsExactly(
                new StoredContent("e".repeat(64), 5, "b0"), new StoredContent("e".repeat(64), 5, "b0"),
                StoredContent.of(kept));
        assertThat(catalog.contentsStoredIn("b1", size -> true))
                .containsExactly(new StoredContent("f".repeat(64), 7, "b1"));
        assertThat(catalog.contentsStoredIn("unknown", size -> true)).isEmpty();
    }

    @Test
    void contentsStoredInAreOnlyThoseOfTheSizesAskedFor() {
        BackupCatalog catalog = withBackups("b0");
        FileEntry small = new FileEntry("r/small", EntryType.FILE, 5, 0644, MTIME, "e".repeat(64), null, "b0");
        FileEntry large = new FileEntry("r/large", EntryType.FILE, 9, 0644, MTIME, "f".repeat(64), null, "b0");
        catalog.saveFiles("b0", List.of(large, small));

        assertThat(catalog.contentsStoredIn("b0", size -> size == 5)).containsExactly(StoredContent.of(small));
        assertThat(catalog.contentsStoredIn("b0", size -> size == 9)).containsExactly(StoredContent.of(large));
        assertThat(catalog.contentsStoredIn("b0", size -> false)).isEmpty();
    }

    @Test
    void filesStoredInKeepsOnlyRegularFilesHeldByThatBackupsArchive() {
        BackupCatalog catalog = withBackups("b0", "b1");
        FileEntry own = file("r/own", "b1");
        FileEntry ownToo = file("r/a/own", "b1");
        List<FileEntry> files = List.of(
                own,
                file("r/in-parent", "b0"),
                new FileEntry("r", EntryType.DIR, 0, 0755, MTIME, null, null, null),
                // Not a regular file, even though storedIn names the backup: never listed.
                new FileEntry("r/odd-link", EntryType.SYMLINK, 0, 0777, MTIME, null, "own", "b1"),
                ownToo);
        catalog.saveFiles("b1", files);
        catalog.saveFiles("b0", List.of(file("r/in-parent", "b0"), file("r/gone", "b0")));

        assertThat(catalog.filesStoredIn("b1")).containsExactly(ownToo, own);
        assertThat(catalog.filesStoredIn("b0")).containsExactly(file("r/gone", "b0"), file("r/in-parent", "b0"));
    }

    @Test
    void filesOfOneBackupDoNotLeakIntoAnother() {
        BackupCatalog catalog = withBackups("b1", "b2");
        catalog.saveFiles("b1", List.of(file("r/same", "b1"), file("r/only-1", "b1")));
        catalog.saveFiles("b2", List.of(file("r/same", "b2")));

        assertThat(catalog.files("b1")).containsExactly(file("r/only-1", "b1"), file("r/same", "b1"));
        assertThat(catalog.files("b2")).containsExactly(file("r/same", "b2"));
    }

    @Test
    void deleteRemovesTheFileList() {
        BackupCatalog catalog = withBackups("b1", "b2");
        catalog.saveFiles("b1", List.of(file("r/a", "b1")));
        catalog.saveFiles("b2", List.of(file("r/a", "b2")));

        catalog.delete("b1");

        assertThat(catalog.files("b1")).isEmpty();
        assertThat(catalog.filesStoredIn("b1")).isEmpty();
        assertThat(catalog.files("b2")).containsExactly(file("r/a", "b2"));
        catalog.save(minimal("b1", at("2024-03-11T00:00Z")));
        assertThat(catalog.files("b1")).as("a backup saved again under the deleted id").isEmpty();
    }

    @Test
    void savingTheBackupAgainKeepsItsFileList() {
        BackupCatalog catalog = withBackups("b1");
        List<FileEntry> files = everyKindOfEntry("b1");
        catalog.saveFiles("b1", files);

        catalog.save(minimal("b1", at("2024-03-10T14:05Z")).withStatus(BackupStatus.COMPLETED));
        catalog.save(everyFieldSet("b1", at("2024-03-10T14:05Z")));

        assertThat(catalog.files("b1")).containsExactlyElementsOf(sortedByPath(files));
    }

    @Test
    void fileListsSurviveCloseAndReopen() {
        BackupCatalog first = newCatalog(dir);
        first.save(minimal("b1", at("2024-03-10T14:05Z")));
        List<FileEntry> files = everyKindOfEntry("b1");
        first.saveFiles("b1", files);
        first.close();

        BackupCatalog second = track(reopen(dir));

        assertThat(second.files("b1")).containsExactlyElementsOf(sortedByPath(files));
    }

    @Test
    void largeListRoundTrips() {
        BackupCatalog catalog = withBackups("b0", "b1");
        List<FileEntry> files = new ArrayList<>();
        List<FileEntry> own = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // Saved in reverse, as a scanner's order need not be the catalog's.
            String path = String.format("root/dir-%03d/file-%05d.dat", (19_999 - i) / 100, 19_999 - i);
            FileEntry entry = file(path, i % 3 == 0 ? "b0" : "b1");
            files.add(entry);
            if (i % 3 != 0) {
                own.add(entry);
            }
        }

        catalog.saveFiles("b1", files);

        assertThat(catalog.files("b1")).containsExactlyElementsOf(sortedByPath(files));
        assertThat(catalog.filesStoredIn("b1")).containsExactlyElementsOf(sortedByPath(own));
    }

    @Test
    @Timeout(60)
    void concurrentFileListSavesFromSeveralThreadsLoseNothing() throws Exception {
        int threads = 4;
        String[] ids = new String[threads];
        for (int t = 0; t < threads; t++) {
            ids[t] = "t" + t;
        }
        BackupCatalog catalog = withBackups(ids);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<List<FileEntry>> expected = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String id = ids[t];
                List<FileEntry> last = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    last.add(file(String.format("r/%s/%04d", id, i), id));
                }
                expected.add(last);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 10; round++) {
                        catalog.saveFiles(id, round == 9 ? last : last.subList(0, round * 10));
                        catalog.files(id); // interleave reads with the others' writes
                    }
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

        for (int t = 0; t < threads; t++) {
            assertThat(catalog.files(ids[t])).as(ids[t]).containsExactlyElementsOf(expected.get(t));
        }
    }

    @Test
    void aBackupNeverVerifiedHasNoVerifications() {
        BackupCatalog catalog = withBackups("b1");

        assertThat(catalog.verifications("b1")).isEmpty();
        assertThat(catalog.verifications("unknown")).isEmpty();
    }

    @Test
    void theLatestVerificationOfEachModeIsKeptNewestFirst() {
        BackupCatalog catalog = withBackups("b1", "b2");
        Verification oldFull = new Verification("b1", VerifyMode.FULL, at("2024-03-01T10:00Z"), true, null);
        Verification quick = new Verification("b1", VerifyMode.QUICK, at("2024-03-03T10:00+02:00"), false,
                "archive is missing (and 1 more problem)");
        Verification newFull = new Verification("b1", VerifyMode.FULL, at("2024-03-02T10:00:00.5Z"), true, null);
        Verification other = new Verification("b2", VerifyMode.SAMPLE, at("2024-03-04T10:00Z"), true, null);

        catalog.saveVerification(oldFull);
        catalog.saveVerification(quick);
        catalog.saveVerification(newFull);
        catalog.saveVerification(other);

        assertThat(catalog.verifications("b1")).containsExactly(quick, newFull);
        assertThat(catalog.verifications("b2")).containsExactly(other);
    }

    @Test
    void verificationsSurviveSavingTheBackupAgainAndGoWhenItIsDeleted() {
        BackupCatalog catalog = withBackups("b1");
        Verification full = new Verification("b1", VerifyMode.FULL, at("2024-03-01T10:00Z"), true, null);
        catalog.saveVerification(full);

        catalog.save(minimal("b1", at("2024-03-10T14:05Z")).withStatus(BackupStatus.CORRUPTED));
        assertThat(catalog.verifications("b1")).containsExactly(full);

        catalog.delete("b1");
        catalog.save(minimal("b1", at("2024-03-11T14:05Z")));
        assertThat(catalog.verifications("b1")).as("a backup saved again under the deleted id").isEmpty();
    }

    @Test
    void verificationsSurviveCloseAndReopen() {
        BackupCatalog first = newCatalog(dir);
        first.save(minimal("b1", at("2024-03-10T14:05Z")));
        Verification sample = new Verification("b1", VerifyMode.SAMPLE, at("2024-03-11T08:00-05:00"), false,
                "r/a: SHA-256 mismatch");
        first.saveVerification(sample);
        first.close();

        BackupCatalog second = track(reopen(dir));

        assertThat(second.verifications("b1")).containsExactly(sample);
    }
}
