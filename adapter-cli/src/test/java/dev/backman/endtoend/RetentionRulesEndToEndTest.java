package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupRequest;
import dev.backman.application.BackupResult;
import dev.backman.application.BackupStatistics;
import dev.backman.application.PruneDecision;
import dev.backman.application.PruneReport;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RetentionRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keep rules and backup statistics through the embedding API, on a real repository. */
class RetentionRulesEndToEndTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

    @Test
    void retentionAfterEachBackupAppliesTheKeepRules() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString())
                .withRetentionDays(0).withRetention(RetentionRules.none().withKeepDaily(2));
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            for (String id : List.of("d20", "d21-early", "d21-late", "d22")) {
                manager.createBackup(new BackupRequest(id, List.of(), true, false, false));
                clock.advance(id.equals("d21-early") ? Duration.ofHours(6) : Duration.ofHours(18));
            }

            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId)
                    .containsExactly("d21-late", "d22");
            PruneReport report = manager.prune(true);
            assertThat(report.decisions()).extracting(PruneDecision::reason)
                    .containsExactly("daily 2026-11-21", "daily 2026-11-22, newest completed backup");
            assertThat(report.bytesFreed()).isZero();
        }
    }

    @Test
    void backupReturnsStatisticsAgainstTheParent() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString());
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            BackupResult first = manager.backup(BackupRequest.withId("first"));
            clock.advance(Duration.ofMinutes(5));
            TreeFixture.write(source.resolve("added.txt"), "brand new\n");
            BackupResult second = manager.backup(BackupRequest.withId("second"));

            assertThat(first.statistics().newFiles()).isEqualTo(first.metadata().totalFiles());
            assertThat(second.statistics().newFiles()).isEqualTo(1);
            assertThat(second.statistics().changedFiles()).isZero();
            assertThat(second.statistics().unchangedFiles()).isEqualTo(first.metadata().totalFiles());
            assertThat(second.statistics().storedFileBytes()).isEqualTo("brand new\n".length());
            assertThat(second.statistics().dedupSavedBytes())
                    .isEqualTo(second.metadata().totalSizeBytes() - "brand new\n".length());
            assertThat(manager.backup(new BackupRequest(null, List.of(), false, false, true)).statistics())
                    .isEqualTo(BackupStatistics.none());
        }
    }

    @Test
    void filesTakenUnreadFromTheParentAmongNewChangedAndTouchedOnesAreCountedAndChecksummedAsAFullBackupWould()
            throws IOException {
        Path source = dir.resolve("tree");
        for (String name : List.of("a.txt", "c.txt", "e.txt", "sub/x.txt")) {
            TreeFixture.write(source.resolve(name), "content of " + name + "\n");
        }
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString());
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            manager.backup(BackupRequest.withId("first"));
            clock.advance(Duration.ofMinutes(5));
            TreeFixture.write(source.resolve("b.txt"), "new between unchanged ones\n");
            TreeFixture.write(source.resolve("c.txt"), "edited, and longer than before\n");
            Files.setLastModifiedTime(source.resolve("e.txt"), FileTime.from(Instant.parse("2026-11-21T08:00:00Z")));
            TreeFixture.write(source.resolve("sub/y.txt"), "new after an unchanged one\n");

            BackupResult second = manager.backup(BackupRequest.withId("second"));
            BackupResult full = manager.backup(new BackupRequest("full", List.of(), true, false, false));

            assertThat(second.statistics()).extracting(BackupStatistics::newFiles, BackupStatistics::changedFiles,
                    BackupStatistics::unchangedFiles).containsExactly(2L, 1L, 3L); // a.txt and sub/x.txt unread, e.txt read again: the same content
            assertThat(second.metadata().checksum()).isEqualTo(full.metadata().checksum());
            assertThat(manager.backup(BackupRequest.withId("third")).metadata().checksum())
                    .isEqualTo(full.metadata().checksum());
        }
    }
}
