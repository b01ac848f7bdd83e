package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.BackupManager;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.model.SourceRoot;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScanRules;
import dev.backman.domain.port.SourceScanner;
import dev.backman.domain.port.StoredObject;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import dev.backman.filesystem.scan.FileSystemSourceScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup scans its sources while the repository is locked and opened (an encrypted one derives its key then), and
 * scans again when it had to wait long for the lock.
 */
class EarlyScanTest {
    @TempDir
    Path dir;

    @Test
    void theSourcesAreScannedWhileTheRepositoryIsOpened() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        CountDownLatch scanning = new CountDownLatch(1);
        CountingScanner scanner = new CountingScanner(scanning);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
        // the repository's first read waits for the scan to be running: were the two in sequence, it would time out
        try (BackupManager manager = Managers.onDisk(config(source), clock,
                real -> new WaitingForScan(real, scanning), scanner, new CommonsCompressArchiveCodec(),
                ProgressListener.NONE)) {
            BackupMetadata backup = manager.createBackup("b1");

            assertThat(backup.totalFiles()).isPositive();
            assertThat(scanner.scans.get()).isEqualTo(1);
        }
    }

    @Test
    void aScanOlderThanTheLockWaitIsDoneAgain() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        CountingScanner scanner = new CountingScanner(new CountDownLatch(1));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
        try (BackupManager manager = Managers.onDisk(config(source), clock,
                real -> new SlowToOpen(real, clock), scanner, new CommonsCompressArchiveCodec(),
                ProgressListener.NONE)) {
            BackupMetadata backup = manager.createBackup("b1");

            assertThat(scanner.scans.get()).isEqualTo(2);
            assertThat(backup.totalFiles()).isPositive();
        }
    }

    private BackupConfig config(Path source) {
        return BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString());
    }

    /** The real scanner, counting its scans and saying when the first one starts. */
    private static final class CountingScanner implements SourceScanner {
        private final SourceScanner real = new FileSystemSourceScanner();
        private final CountDownLatch started;
        final AtomicInteger scans = new AtomicInteger();

        CountingScanner(CountDownLatch started) {
            this.started = started;
        }

        @Override
        public ScanResult scan(List<SourceRoot> roots, ScanRules rules) {
            return scan(roots, rules, n -> { });
        }

        @Override
        public ScanResult scan(List<SourceRoot> roots, ScanRules rules, LongConsumer fileFound) {
            scans.incrementAndGet();
            started.countDown();
            return real.scan(roots, rules, fileFound);
        }
    }

    /** Reading the repository descriptor waits until the scan runs (as a key derivation would take its time). */
    private static final class WaitingForScan extends ForwardingStorage {
        private final CountDownLatch scanning;

        WaitingForScan(ArchiveStorage real, CountDownLatch scanning) {
            super(real);
            this.scanning = scanning;
        }

        @Override
        public Optional<StoredObject> find(String key) {
            if (key.equals(RepositoryLayout.DESCRIPTOR)) {
                try {
                    assertThat(scanning.await(10, TimeUnit.SECONDS)).as("the scan started").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException(e));
                }
            }
            return real.find(key);
        }
    }

    /** The first read of the descriptor happens a minute later, as after a long wait for another writer's lock. */
    private static final class SlowToOpen extends ForwardingStorage {
        private final MutableClock clock;
        private boolean opened;

        SlowToOpen(ArchiveStorage real, MutableClock clock) {
            super(real);
            this.clock = clock;
        }

        @Override
        public synchronized Optional<StoredObject> find(String key) {
            if (key.equals(RepositoryLayout.DESCRIPTOR) && !opened) {
                opened = true;
                clock.advance(Duration.ofMinutes(1));
            }
            return real.find(key);
        }
    }
}
