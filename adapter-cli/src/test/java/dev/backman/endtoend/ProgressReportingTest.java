package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.BackupManager;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.Progress.Phase;
import dev.backman.domain.port.ProgressListener;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What an embedding host's listener sees of each operation: phases in order, counts that only grow to the totals. */
class ProgressReportingTest {
    private static final int SMALL_FILES = 150;
    private static final int LARGE_FILE = 3 << 20;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
    private final Recording recording = new Recording();
    private Path source;
    private long sourceBytes;

    @BeforeEach
    void createSource() throws IOException {
        source = Files.createDirectories(dir.resolve("project"));
        for (int i = 0; i < SMALL_FILES; i++) {
            TreeFixture.write(source.resolve("src/file-" + i + ".txt"), ("line " + i + "\n").repeat(100));
        }
        byte[] random = new byte[LARGE_FILE]; // does not compress: the archive is as large as the file
        new Random(11).nextBytes(random);
        Files.write(source.resolve("large.bin"), random);
        try (var files = Files.walk(source)) {
            sourceBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void aBackupReportsItsPhasesInOrderWithCountsGrowingToTheTotals(CompressionType type) {
        try (BackupManager manager = manager(type, List.of())) {
            manager.createBackup("b1");
        }

        // no VERIFYING: the archive is checked while it is written, not read back
        assertThat(recording.phases()).containsExactly(Phase.SCANNING, Phase.HASHING, Phase.ARCHIVING, Phase.PRUNING);
        recording.assertGrowingWithinEachPhase();
        long files = SMALL_FILES + 1;
        assertThat(recording.last(Phase.SCANNING)).isEqualTo(new Progress(Phase.SCANNING, files, files, sourceBytes,
                sourceBytes));
        assertThat(recording.last(Phase.ARCHIVING)).isEqualTo(new Progress(Phase.ARCHIVING, files, files,
                sourceBytes, sourceBytes));
        assertThat(recording.of(Phase.ARCHIVING)).as("the large file is reported while it is read")
                .anySatisfy(p -> assertThat(p.bytesDone()).isStrictlyBetween(0L, sourceBytes));
        assertThat(recording.of(Phase.SCANNING)).as("files found so far, before the totals are known")
                .anySatisfy(p -> assertThat(p.filesDone()).isPositive().isLessThan(files));
        recording.assertNeverOverlapping();
    }

    @Test
    void anUnchangedTreeHasNothingToArchive() {
        try (BackupManager manager = manager(CompressionType.TAR_ZST, List.of())) {
            manager.createBackup("b1");
            clock.advance(Duration.ofMinutes(1));
            recording.clear();
            manager.createBackup("b2");
        }

        assertThat(recording.last(Phase.ARCHIVING)).isEqualTo(new Progress(Phase.ARCHIVING, 0, 0, 0, 0));
    }

    @Test
    void aRestoreReachesItsTotalsWithoutGoingBack() {
        try (BackupManager manager = manager(CompressionType.TAR_ZST, List.of())) {
            manager.createBackup("b1");
            recording.clear();
            assertThat(manager.restoreBackup("b1", dir.resolve("restored"))).isTrue();
        }

        assertThat(recording.phases()).containsExactly(Phase.RESTORING);
        recording.assertGrowingWithinEachPhase();
        long files = SMALL_FILES + 1;
        assertThat(recording.last(Phase.RESTORING)).isEqualTo(new Progress(Phase.RESTORING, files, files,
                sourceBytes, sourceBytes));
        assertThat(recording.of(Phase.RESTORING))
                .anySatisfy(p -> assertThat(p.bytesDone()).isStrictlyBetween(0L, sourceBytes));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_GZ", "ZIP"})
    void anExportReachesItsTotals(CompressionType format) {
        try (BackupManager manager = manager(CompressionType.TAR_ZST, List.of())) {
            manager.createBackup("b1");
            recording.clear();
            manager.exportBackup("b1", OutputStream.nullOutputStream(), format);
        }

        assertThat(recording.phases()).containsExactly(Phase.EXPORTING);
        recording.assertGrowingWithinEachPhase();
        long files = SMALL_FILES + 1;
        assertThat(recording.last(Phase.EXPORTING)).isEqualTo(new Progress(Phase.EXPORTING, files, files,
                sourceBytes, sourceBytes));
        assertThat(recording.of(Phase.EXPORTING))
                .anySatisfy(p -> assertThat(p.bytesDone()).isStrictlyBetween(0L, sourceBytes));
        recording.assertNeverOverlapping();
    }

    @Test
    void verifyReportsTheArchiveBytesItReads() {
        long archives;
        try (BackupManager manager = manager(CompressionType.TAR_ZST, List.of())) {
            BackupMetadata first = manager.createBackup("b1");
            BackupMetadata second = manager.createBackup(new dev.backman.application.BackupRequest("b2", List.of(),
                    true, false, false));
            archives = first.archiveSizeBytes() + second.archiveSizeBytes();
            recording.clear();
            manager.verify(List.of());
        }

        assertThat(recording.phases()).containsExactly(Phase.VERIFYING);
        recording.assertGrowingWithinEachPhase();
        assertThat(recording.last(Phase.VERIFYING)).isEqualTo(new Progress(Phase.VERIFYING, 2, 2, archives,
                archives));
        assertThat(recording.of(Phase.VERIFYING))
                .anySatisfy(p -> assertThat(p.bytesDone()).isStrictlyBetween(0L, archives));
    }

    @Test
    void replicationReportsTheBytesSentOffsite() {
        Path offsite = dir.resolve("offsite");
        long archive;
        try (BackupManager manager = manager(CompressionType.TAR_ZST, List.of(offsite))) {
            archive = manager.createBackup("b1").archiveSizeBytes();
        }

        assertThat(recording.phases()).endsWith(Phase.PRUNING, Phase.REPLICATING);
        recording.assertGrowingWithinEachPhase();
        assertThat(recording.last(Phase.REPLICATING)).isEqualTo(new Progress(Phase.REPLICATING, 1, 1, archive,
                archive));
        assertThat(recording.of(Phase.REPLICATING))
                .anySatisfy(p -> assertThat(p.bytesDone()).isStrictlyBetween(0L, archive));
    }

    @Test
    void anEmbeddingHostGetsProgressThroughItsListenerAndNothingOnStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try (BackupManager manager = manager(CompressionType.ZIP, List.of(dir.resolve("offsite")))) {
            manager.createBackup("b1");
            manager.verify(List.of());
            manager.restoreBackup("b1", dir.resolve("restored"));
            manager.exportBackup("b1", OutputStream.nullOutputStream(), CompressionType.TAR);
            manager.replicate();
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString()).isEmpty();
        assertThat(recording.phases()).contains(Phase.SCANNING, Phase.ARCHIVING, Phase.VERIFYING, Phase.RESTORING,
                Phase.EXPORTING, Phase.REPLICATING);
    }

    private BackupManager manager(CompressionType type, List<Path> offsite) {
        Path repo = dir.resolve("backups");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(repo.toString()).withCompressionType(type).withRetentionDays(0);
        return Managers.local(config, clock)
                .listener(recording)
                .offsite(offsite.stream().map(p -> (dev.backman.domain.port.ArchiveStorage)
                        new LocalDiskArchiveStorage(p)).toList())
                .build();
    }

    /** Every snapshot, and whether two calls ever overlapped. */
    private static final class Recording implements ProgressListener {
        private final List<Progress> seen = new ArrayList<>();
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger overlaps = new AtomicInteger();

        @Override
        public void onProgress(Progress progress) {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            synchronized (seen) {
                seen.add(progress);
            }
            inside.decrementAndGet();
        }

        synchronized void clear() {
            synchronized (seen) {
                seen.clear();
            }
        }

        /** The phases in the order they started (each once: a phase's snapshots come together). */
        List<Phase> phases() {
            List<Phase> phases = new ArrayList<>();
            for (Progress p : snapshot()) {
                if (phases.isEmpty() || phases.get(phases.size() - 1) != p.phase()) {
                    phases.add(p.phase());
                }
            }
            return phases;
        }

        List<Progress> of(Phase phase) {
            return snapshot().stream().filter(p -> p.phase() == phase).toList();
        }

        Progress last(Phase phase) {
            List<Progress> all = of(phase);
            assertThat(all).as("snapshots of " + phase).isNotEmpty();
            return all.get(all.size() - 1);
        }

        void assertGrowingWithinEachPhase() {
            for (Phase phase : phases()) {
                List<Progress> all = of(phase);
                assertThat(all).as(phase + " files").extracting(Progress::filesDone).isSorted();
                assertThat(all).as(phase + " bytes").extracting(Progress::bytesDone).isSorted();
                assertThat(all).as(phase + " within totals").allSatisfy(p -> {
                    if (p.filesTotal() > 0) {
                        assertThat(p.filesDone()).isLessThanOrEqualTo(p.filesTotal());
                    }
                    if (p.bytesTotal() > 0) {
                        assertThat(p.bytesDone()).isLessThanOrEqualTo(p.bytesTotal());
                    }
                });
            }
        }

        void assertNeverOverlapping() {
            assertThat(overlaps).as("calls that overlapped").hasValue(0);
        }

        private List<Progress> snapshot() {
            synchronized (seen) {
                return List.copyOf(seen);
            }
        }
    }
}
