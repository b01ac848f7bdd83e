package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.application.BackupManager;
import dev.backman.application.RestoreRequest;
import dev.backman.application.VerifyReport;
import dev.backman.domain.error.BackupFailed;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.MissingSourcePaths;
import dev.backman.domain.error.RestoreConflict;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveCodec;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.RestoreWriter;
import dev.backman.domain.port.StoredObject;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import dev.backman.filesystem.checksum.JdkChecksums;
import dev.backman.filesystem.restore.LocalRestoreWriter;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seed's cases and the foundation's behaviour, through the embedding API on real adapters. */
class BackupManagerEndToEndTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));

    private BackupConfig config(Path... sources) {
        return BackupConfig.defaults().withSourcePaths(List.of(sources))
                .withBackupLocation(dir.resolve("backups").toString());
    }

    @Test
    void emptyDirectoryGivesACompletedBackupOfZeroFiles() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        try (BackupManager manager = Managers.onDisk(config(empty), clock)) {
            BackupMetadata m = manager.createBackup();
            assertThat(m.status()).isEqualTo(BackupStatus.COMPLETED);
            assertThat(m.totalFiles()).isZero();
            assertThat(manager.getBackupStatus(m.backupId())).contains(m);
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void backupAndRestoreGiveBackTheSameTreeInEveryFormat(CompressionType type) throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(source).withCompressionType(type), clock)) {
            BackupMetadata m = manager.createBackup("custom_backup_001");
            assertThat(m.status()).isEqualTo(BackupStatus.COMPLETED);
            assertThat(m.backupId()).isEqualTo("custom_backup_001");
            assertThat(m.totalFiles()).isEqualTo(10);
            assertThat(m.storedFiles()).isEqualTo(8); // two duplicates stored once
            assertThat(m.checksum()).hasSize(64);
            assertThat(Files.exists(dir.resolve("backups/archives/custom_backup_001." + type.extension()))).isTrue();
            assertThat(Files.exists(dir.resolve("backups/manifests/custom_backup_001.json"))).isTrue();

            assertThat(manager.restoreBackup(m.backupId(), dir.resolve("restored"))).isTrue();
            TreeFixture.assertSameTree(source, dir.resolve("restored/project"));
        }
    }

    @Test
    void restoreWithoutTargetPutsRootsBackAtTheirOriginalPaths() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        Path pristine = TreeFixture.tricky(dir.resolve("copy"), "project");
        try (BackupManager manager = Managers.onDisk(config(source), clock)) {
            BackupMetadata m = manager.createBackup();
            deleteTree(source);
            manager.restore(RestoreRequest.of(m.backupId(), null));
            TreeFixture.assertSameTree(pristine, source);
        }
    }

    @Test
    void corruptedArchiveIsDetectedMarkedAndNeverRestored() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(source).withCompressionType(CompressionType.TAR_GZ),
                clock)) {
            BackupMetadata m = manager.createBackup();
            Path archive = dir.resolve("backups/archives/" + m.backupId() + ".tar.gz");
            flipBytesInTheMiddle(archive);

            VerifyReport report = manager.verify(List.of());
            assertThat(report.allIntact()).isFalse();
            assertThat(manager.getBackupStatus(m.backupId())).get().extracting(BackupMetadata::status)
                    .isEqualTo(BackupStatus.CORRUPTED);

            Path target = dir.resolve("restored");
            assertThatThrownBy(() -> manager.restore(RestoreRequest.of(m.backupId(), target)))
                    .isInstanceOf(IntegrityViolation.class);
            assertThat(regularFilesBelow(target)).isEmpty();
        }
    }

    @Test
    void retentionKeepsOnlyRecentBackups() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(source).withRetentionDays(30), clock)) {
            BackupMetadata old = manager.createBackup("old");
            clock.advance(Duration.ofDays(20));
            BackupMetadata middle = manager.createBackup("middle");
            clock.advance(Duration.ofDays(15));
            BackupMetadata latest = manager.createBackup("latest");

            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId)
                    .containsExactly("middle", "latest");
            assertThat(dir.resolve("backups/archives/old.zip")).doesNotExist();
            assertThat(dir.resolve("backups/manifests/old.json")).doesNotExist();
            assertThat(manager.getBackupStatus(old.backupId())).isEmpty();
            assertThat(middle.status()).isEqualTo(latest.status()).isEqualTo(BackupStatus.COMPLETED);
        }
    }

    @Test
    void newestCompletedBackupSurvivesRetentionWhateverItsAge() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(source).withRetentionDays(1), clock)) {
            manager.createBackup("only");
            clock.advance(Duration.ofDays(400));
            assertThat(manager.prune(false).removed()).isEmpty();
            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId).containsExactly("only");
        }
    }

    @Test
    void restoreRefusesConflictsBeforeWritingAnythingUnlessOverwrite() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(source), clock)) {
            BackupMetadata m = manager.createBackup();
            Path target = dir.resolve("restored");
            Files.createDirectories(target.resolve("project"));
            TreeFixture.write(target.resolve("project/README.md"), "local edits\n");

            assertThatThrownBy(() -> manager.restore(RestoreRequest.of(m.backupId(), target)))
                    .isInstanceOf(RestoreConflict.class)
                    .hasMessageContaining("README.md");
            assertThat(regularFilesBelow(target)).containsExactly(target.resolve("project/README.md"));

            manager.restore(new RestoreRequest(m.backupId(), target, List.of(), true, false));
            TreeFixture.assertSameTree(source, target.resolve("project"));
        }
    }

    @Test
    void restoringIntoANewDirectoryLooksAtTheTopOfTheTreeOnlyAndBelowAnExistingOneAtEveryEntry() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        AtomicInteger inspected = new AtomicInteger();
        RestoreWriter local = new LocalRestoreWriter();
        RestoreWriter counting = (RestoreWriter) Proxy.newProxyInstance(RestoreWriter.class.getClassLoader(),
                new Class<?>[] {RestoreWriter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("inspect")) {
                        inspected.incrementAndGet();
                    }
                    try {
                        return method.invoke(local, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (BackupManager manager = Managers.local(config(source), clock).restoreWriter(counting).build()) {
            BackupMetadata m = manager.createBackup();
            Path target = dir.resolve("restored");
            manager.restore(RestoreRequest.of(m.backupId(), target));
            TreeFixture.assertSameTree(source, target.resolve("project"));
            assertThat(inspected).hasValue(1); // "project" is absent, so is everything below it

            inspected.set(0);
            Path partly = dir.resolve("partly");
            TreeFixture.write(partly.resolve("project/main/java/App.java"), "local edits\n");
            assertThatThrownBy(() -> manager.restore(RestoreRequest.of(m.backupId(), partly)))
                    .isInstanceOf(RestoreConflict.class)
                    .hasMessageContaining("App.java");
            long entries;
            try (Stream<Path> all = Files.walk(source)) {
                entries = all.count();
            }
            // looked at: what exists on the way down, and what is absent right below it; not the absent dirs' contents
            assertThat(inspected.get()).isGreaterThan(3).isLessThan((int) entries);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void smallFilesThatCouldBeCopiesAreReadOnceYetStoredOnlyOnce(CompressionType type) throws IOException {
        Path source = dir.resolve("src");
        for (int i = 0; i < 24; i++) { // six contents of one size, four copies each
            TreeFixture.write(source.resolve("small/f" + i + ".txt"), ("content " + i % 6 + "\n").repeat(100));
        }
        String large = "x".repeat(3 * 8192);
        TreeFixture.write(source.resolve("large/a.bin"), large);
        TreeFixture.write(source.resolve("large/b.bin"), large);
        Set<Path> hashedFromDisk = ConcurrentHashMap.newKeySet();
        Checksums jdk = new JdkChecksums();
        Checksums counting = new Checksums() {
            @Override
            public String sha256(Path file) throws IOException {
                hashedFromDisk.add(file);
                return jdk.sha256(file);
            }

            @Override
            public String sha256(InputStream in) throws IOException {
                return jdk.sha256(in);
            }

            @Override
            public String sha256OfEnds(Path file, int edgeBytes) throws IOException {
                hashedFromDisk.add(file);
                return jdk.sha256OfEnds(file, edgeBytes);
            }
        };
        try (BackupManager manager = Managers.local(config(source).withCompressionType(type), clock)
                .checksums(counting).build()) {
            BackupMetadata m = manager.createBackup();

            assertThat(m.storedFiles()).isEqualTo(6 + 1);
            // the small ones are read whole by the archiver, which stores the bytes it hashed; the large ones are
            // looked at ahead, then hashed
            assertThat(hashedFromDisk).containsExactlyInAnyOrder(source.resolve("large/a.bin"),
                    source.resolve("large/b.bin"));
            Path target = dir.resolve("restored");
            manager.restore(RestoreRequest.of(m.backupId(), target));
            TreeFixture.assertSameTree(source, target.resolve("src"));
            assertThat(manager.verify(List.of(m.backupId())).allIntact()).isTrue();
        }
    }

    @Test
    void theParentsOwnContentsAreTakenFromItsListAndOlderOnesFromTheCatalog() throws IOException {
        Path source = dir.resolve("src");
        TreeFixture.write(source.resolve("a.txt"), "stored in the full backup\n");
        TreeFixture.write(source.resolve("b.txt"), "gone later\n");
        List<String> storedInAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
        BackupCatalog sqlite = SqliteBackupCatalog.open(dir.resolve("backups").resolve("catalog.db"));
        BackupCatalog counting = (BackupCatalog) Proxy.newProxyInstance(BackupCatalog.class.getClassLoader(),
                new Class<?>[] {BackupCatalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("contentsStoredIn")) {
                        storedInAsked.add((String) args[0]);
                    }
                    try {
                        return method.invoke(sqlite, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (BackupManager manager = Managers.local(config(source), clock, counting).build()) {
            manager.createBackup("full");
            TreeFixture.write(source.resolve("c.txt"), "stored in the incremental one\n");
            Files.delete(source.resolve("b.txt"));
            assertThat(manager.createBackup("inc").storedFiles()).isEqualTo(1);
            // copies of a content the parent stored, of one the full backup stored, of one only a deleted file had
            TreeFixture.write(source.resolve("copy-of-c.txt"), "stored in the incremental one\n");
            TreeFixture.write(source.resolve("copy-of-a.txt"), "stored in the full backup\n");
            TreeFixture.write(source.resolve("b-again.txt"), "gone later\n");
            storedInAsked.clear();

            BackupMetadata third = manager.createBackup("third");

            assertThat(third.storedFiles()).isZero();
            assertThat(storedInAsked).containsExactly("full");
            manager.restore(RestoreRequest.of("third", dir.resolve("out")));
            TreeFixture.assertSameTree(source, dir.resolve("out/src"));
        }
    }

    @Test
    void includeGlobsRestoreOnlyTheSelectedSubtree() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(source), clock)) {
            BackupMetadata m = manager.createBackup();
            Path target = dir.resolve("restored");
            manager.restore(new RestoreRequest(m.backupId(), target, List.of("project/main/**"), false, false));
            assertThat(regularFilesBelow(target)).containsExactlyInAnyOrder(
                    target.resolve("project/main/java/App.java"), target.resolve("project/main/java/Copy.java"));
            assertThat(Files.isSymbolicLink(target.resolve("project/main/dangling"))).isTrue();
        }
    }

    @Test
    void missingSourcePathsAreNamedAndNothingIsWritten() {
        Path missing = dir.resolve("nope");
        try (BackupManager manager = Managers.onDisk(config(missing), clock)) {
            assertThatThrownBy(manager::createBackup).isInstanceOf(MissingSourcePaths.class)
                    .hasMessageContaining(missing.toString());
        }
        assertThat(dir.resolve("backups/archives")).doesNotExist();
    }

    @Test
    void aFailedBackupIsRecordedAsFailedAndLeavesNoArchive() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        ArchiveCodec failing = new FailingCodec(new CommonsCompressArchiveCodec());
        try (BackupManager manager = Managers.onDisk(config(source), clock, failing, ProgressListener.NONE)) {
            assertThatThrownBy(() -> manager.createBackup("doomed")).isInstanceOf(BackupFailed.class)
                    .hasMessageContaining("No space left on device");
            BackupMetadata failed = manager.getBackupStatus("doomed").orElseThrow();
            assertThat(failed.status()).isEqualTo(BackupStatus.FAILED);
            assertThat(failed.errorMessage()).contains("No space left on device");
        }
        assertThat(regularFilesBelow(dir.resolve("backups/archives"))).isEmpty();
        assertThat(regularFilesBelow(dir.resolve("backups/tmp"))).isEmpty();
        assertThat(dir.resolve("backups/manifests/doomed.json")).doesNotExist();
    }

    @Test
    void filesOverTheSizeLimitAreSkippedWithAReason() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src"));
        Files.write(source.resolve("big.bin"), new byte[2 * 1024 * 1024 + 1]);
        TreeFixture.write(source.resolve("small.txt"), "small");
        try (BackupManager manager = Managers.onDisk(config(source).withMaxFileSizeMb(2), clock)) {
            BackupMetadata m = manager.createBackup();
            assertThat(m.totalFiles()).isEqualTo(1);
            assertThat(m.skippedFiles()).singleElement()
                    .satisfies(s -> assertThat(s.path()).endsWith("big.bin"))
                    .satisfies(s -> assertThat(s.reason()).contains("max_file_size_mb"));
        }
    }

    @Test
    void concurrentBackupsOnOneManagerAreSerialized() throws Exception {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = Managers.onDisk(config(source), clock)) {
            CompletableFuture<BackupMetadata> a = CompletableFuture.supplyAsync(() -> manager.createBackup("a"));
            CompletableFuture<BackupMetadata> b = CompletableFuture.supplyAsync(() -> manager.createBackup("b"));
            assertThat(List.of(a.get(), b.get())).extracting(BackupMetadata::status)
                    .containsOnly(BackupStatus.COMPLETED);
            assertThat(manager.verify(List.of()).allIntact()).isTrue();
        }
    }

    @Test
    void aRepositoryInsideTheSourceIsNotBackedUpIntoItself() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        Path pristine = TreeFixture.tricky(dir.resolve("copy"), "project");
        BackupConfig config = config(source).withBackupLocation(source.resolve("backups").toString());
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            BackupMetadata first = manager.createBackup();
            clock.advance(Duration.ofMinutes(1));
            BackupMetadata second = manager.createBackup();
            assertThat(second.totalFiles()).isEqualTo(first.totalFiles()).isEqualTo(10);
            assertThat(second.storedFiles()).isZero();
            Path target = dir.resolve("restored");
            manager.restore(RestoreRequest.of(second.backupId(), target));
            // the root's mtime moved when backups/ was created in it; everything else must match, and no backups/
            Files.setLastModifiedTime(target.resolve("project"), Files.getLastModifiedTime(pristine));
            TreeFixture.assertSameTree(pristine, target.resolve("project"));
        }
    }

    @Test
    void unknownBackupIsReportedAsNotRestored() {
        try (BackupManager manager = Managers.onDisk(config(dir), clock)) {
            assertThat(manager.restoreBackup("no_such_backup", dir.resolve("x"))).isFalse();
            assertThat(manager.getBackupStatus("no_such_backup")).isEmpty();
        }
    }

    private static void flipBytesInTheMiddle(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = raf.length() / 2;
            for (long i = middle; i < middle + 64; i++) {
                raf.seek(i);
                int b = raf.read();
                raf.seek(i);
                raf.write(b ^ 0xFF);
            }
        }
    }

    private static List<Path> regularFilesBelow(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A codec whose output fails like a full disk after the first few kilobytes. */
    private record FailingCodec(ArchiveCodec real) implements ArchiveCodec {
        @Override
        public ArchiveWriter newWriter(CompressionType type, OutputStream out) throws IOException {
            return real.newWriter(type, new OutputStream() {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written += len;
                    if (written > 4096) {
                        throw new IOException("No space left on device");
                    }
                    out.write(b, off, len);
                }
            });
        }

        @Override
        public ArchiveReader newReader(CompressionType type, StoredObject archive) throws IOException {
            return real.newReader(type, archive);
        }

        @Override
        public ArchiveReader newStreamReader(CompressionType type, String key, InputStream in) throws IOException {
            return real.newStreamReader(type, key, in);
        }
    }
}
