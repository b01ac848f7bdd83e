package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupRequest;
import dev.backman.application.PruneDecision;
import dev.backman.application.PruneReport;
import dev.backman.application.RestoreRequest;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ProgressListener;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Chains over several generations of a tree: edits, adds, deletes, renames, touches and copies. */
class IncrementalChainTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
    private final AtomicLong hashed = new AtomicLong();
    private CountingStorage storage;

    private BackupManager manager(Path source, CompressionType type) {
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString()).withCompressionType(type)
                .withRetentionDays(0);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(Progress p) {
                if (p.phase() == Progress.Phase.HASHING) {
                    hashed.set(p.filesTotal());
                }
            }
        };
        return Managers.onDisk(config, clock, new CommonsCompressArchiveCodec(), listener, real -> {
            storage = new CountingStorage(real);
            return storage;
        });
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void everyGenerationOfAChainRestoresExactly(CompressionType type) throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        List<Path> snapshots = new ArrayList<>();
        List<BackupMetadata> backups = new ArrayList<>();
        try (BackupManager manager = manager(source, type)) {
            backups.add(manager.createBackup("gen0"));
            snapshots.add(snapshot(source, 0));

            // edit, add, delete, rename, touch, copy
            TreeFixture.write(source.resolve("README.md"), "hello backman, edited\n");
            TreeFixture.write(source.resolve("main/java/New.java"), "class New {}\n");
            Files.delete(source.resolve("secret.key"));
            Files.move(source.resolve("run.sh"), source.resolve("main/run-renamed.sh"));
            Files.setLastModifiedTime(source.resolve("main/java/App.java"),
                    FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
            Files.copy(source.resolve("bin/random.bin"), source.resolve("main/random-third-copy.bin"));
            clock.advance(Duration.ofHours(1));
            BackupMetadata gen1 = manager.createBackup("gen1");
            backups.add(gen1);
            snapshots.add(snapshot(source, 1));
            assertThat(gen1.backupType()).isEqualTo(BackupType.INCREMENTAL);
            assertThat(gen1.parentId()).isEqualTo("gen0");
            assertThat(gen1.storedFiles()).as("only the edited and the new file are stored").isEqualTo(2);

            TreeFixture.write(source.resolve("main/java/New.java"), "class New { int v = 2; }\n");
            Files.delete(source.resolve("bin/random-copy.bin"));
            TreeFixture.write(source.resolve("docs/notes.txt"), "hello backman, edited\n"); // a copy of gen1's
            clock.advance(Duration.ofHours(1));
            BackupMetadata gen2 = manager.createBackup("gen2");
            backups.add(gen2);
            snapshots.add(snapshot(source, 2));
            assertThat(gen2.parentId()).isEqualTo("gen1");
            assertThat(gen2.storedFiles()).isEqualTo(1);

            for (int g = 0; g < backups.size(); g++) {
                Path target = dir.resolve("restore-" + g);
                manager.restore(RestoreRequest.of(backups.get(g).backupId(), target));
                TreeFixture.assertSameTree(snapshots.get(g), target.resolve("project"));
            }
        }
    }

    @Test
    void anIncrementalArchiveHoldsOnlyWhatIsNewOrChangedYetItsRestoreIsTheWholeTree() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = manager(source, CompressionType.TAR_ZST)) {
            manager.createBackup("gen0");
            TreeFixture.write(source.resolve("main/java/New.java"), "class New {}\n");
            Files.createDirectories(source.resolve("fresh/empty"));
            Files.createSymbolicLink(source.resolve("main/java/link-new"), Path.of("New.java"));
            Files.setPosixFilePermissions(source.resolve("empty-dir/also-empty"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            clock.advance(Duration.ofHours(1));
            manager.createBackup("gen1");
            Path snapshot = snapshot(source, 1);

            List<String> archived = new ArrayList<>();
            try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                    new org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream(
                            Files.newInputStream(dir.resolve("backups/archives/gen1.tar.zst"))))) {
                for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    archived.add(e.getName().replaceAll("/$", ""));
                }
            }
            assertThat(archived).contains("project/main/java/New.java", "project/main/java/link-new",
                    "project/fresh", "project/fresh/empty", "project/main/java", "project/empty-dir/also-empty");
            assertThat(archived).as("unchanged directories and links stay in gen0's archive")
                    .doesNotContain("project/bin", "project/empty-dir", "project/dir with spaces",
                            "project/link-to-readme", "project/main/dangling", "project/README.md");

            manager.restore(RestoreRequest.of("gen1", dir.resolve("out")));
            TreeFixture.assertSameTree(snapshot, dir.resolve("out/project"));
        }
    }

    @Test
    void aRestoreThatNeedsThreeArchivesReadsEachOnce() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = manager(source, CompressionType.TAR_GZ)) {
            manager.createBackup("a");
            TreeFixture.write(source.resolve("b.txt"), "stored in b\n");
            manager.createBackup("b");
            TreeFixture.write(source.resolve("c.txt"), "stored in c\n");
            manager.createBackup("c");
            storage.opens.clear();

            manager.restore(RestoreRequest.of("c", dir.resolve("out")));

            Map<String, Integer> archiveOpens = new java.util.TreeMap<>(storage.opens);
            archiveOpens.keySet().removeIf(key -> !key.startsWith("archives/"));
            assertThat(archiveOpens).containsOnlyKeys("archives/a.tar.gz", "archives/b.tar.gz", "archives/c.tar.gz");
            assertThat(archiveOpens.values()).containsOnly(1);
            assertThat(dir.resolve("out/project/b.txt")).hasContent("stored in b");
            assertThat(dir.resolve("out/project/README.md")).hasContent("hello backman");
        }
    }

    @Test
    void unchangedFilesAreNotReadAgainUnlessRehash() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = manager(source, CompressionType.TAR_ZST)) {
            manager.createBackup("full");
            BackupMetadata same = manager.createBackup("same");
            assertThat(same.backupType()).isEqualTo(BackupType.INCREMENTAL);
            assertThat(same.storedFiles()).isZero();
            assertThat(hashed.get()).as("files hashed before archiving").isZero();
            assertThat(same.checksum()).isEqualTo(manager.getBackupStatus("full").orElseThrow().checksum());

            BackupMetadata rehashed = manager.createBackup(new BackupRequest("rehashed", List.of(), false, true,
                    false));
            assertThat(rehashed.storedFiles()).isZero();
            assertThat(hashed.get()).as("every file is read with --rehash").isEqualTo(10);
        }
    }

    @Test
    void fullFlagAndFullEveryDaysStartANewChain() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = manager(source, CompressionType.TAR_ZST)) {
            manager.createBackup("one");
            BackupMetadata forced = manager.createBackup(new BackupRequest("two", List.of(), true, false, false));
            assertThat(forced.backupType()).isEqualTo(BackupType.FULL);
            assertThat(forced.storedFiles()).isEqualTo(8);
            clock.advance(Duration.ofDays(7));
            assertThat(manager.createBackup("three").backupType()).isEqualTo(BackupType.FULL);
            assertThat(manager.createBackup("four").backupType()).isEqualTo(BackupType.INCREMENTAL);
        }
    }

    @Test
    void aDamagedChainMakesTheNextBackupFull() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        try (BackupManager manager = manager(source, CompressionType.TAR_ZST)) {
            manager.createBackup("one");
            Files.write(dir.resolve("backups/archives/one.tar.zst"), new byte[] {1, 2, 3});
            assertThat(manager.verify(List.of()).allIntact()).isFalse();
            BackupMetadata next = manager.createBackup("two");
            assertThat(next.backupType()).isEqualTo(BackupType.FULL);
            manager.restore(RestoreRequest.of("two", dir.resolve("out")));
            TreeFixture.assertSameTree(source, dir.resolve("out/project"));
        }
    }

    @Test
    void retentionKeepsWhatAKeptBackupNeedsAndRemovesWholeChains() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString()).withCompressionType(CompressionType.TAR)
                .withRetentionDays(10).withFullEveryDays(5);
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            manager.createBackup("old-full");
            clock.advance(Duration.ofDays(1));
            manager.createBackup("old-inc");
            clock.advance(Duration.ofDays(5));
            manager.createBackup("full");     // full_every_days reached: a new chain
            clock.advance(Duration.ofDays(1));
            TreeFixture.write(source.resolve("x.txt"), "x");
            manager.createBackup("inc");
            clock.advance(Duration.ofDays(9));  // old chain 16 days, "full" 10 days, "inc" 9 days old

            PruneReport report = manager.prune(false);
            Map<String, PruneDecision> byId = new java.util.HashMap<>();
            report.decisions().forEach(d -> byId.put(d.backupId(), d));
            assertThat(report.removed()).containsExactlyInAnyOrder("old-full", "old-inc");
            assertThat(byId.get("full").reason()).isEqualTo("needed by inc (same chain)");
            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId).containsExactly("full", "inc");
            manager.restore(RestoreRequest.of("inc", dir.resolve("out")));
            TreeFixture.assertSameTree(source, dir.resolve("out/project"));
        }
    }

    private Path snapshot(Path source, int generation) throws IOException {
        Path copy = dir.resolve("snapshot-" + generation);
        Process cp = new ProcessBuilder("cp", "-a", source.toString(), copy.toString()).inheritIO().start();
        try {
            assertThat(cp.waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return copy;
    }
}
