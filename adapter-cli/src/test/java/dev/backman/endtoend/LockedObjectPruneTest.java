package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupRequest;
import dev.backman.application.PruneDecision;
import dev.backman.application.PruneReport;
import dev.backman.application.RestoreRequest;
import dev.backman.domain.error.ObjectLocked;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ProgressListener;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on storage that refuses to delete locked objects (S3 object lock): prune never fails, keeps what it
 * cannot remove yet with the reason, never breaks a chain, and a later prune finishes the job.
 */
class LockedObjectPruneTest {
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T02:00:00Z"));
    private final Set<String> locked = ConcurrentHashMap.newKeySet();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void aLockedManifestKeepsTheWholeBackupUntilALaterPrune() throws IOException {
        try (BackupManager manager = manager()) {
            manager.createBackup(BackupRequest.withId("old"));
            clock.advance(Duration.ofDays(60));
            locked.add("manifests/old.json");
            manager.createBackup(new BackupRequest("new", List.of(), true, false, false)); // retention runs too

            PruneReport blocked = manager.prune(false);

            assertThat(decisions(blocked).get("old").keep()).isTrue();
            assertThat(decisions(blocked).get("old").reason())
                    .isEqualTo("kept: manifests/old.json at " + dir.resolve("backups") + " is locked until " + UNTIL
                            + "; a later prune removes it");
            assertThat(blocked.removed()).isEmpty();
            assertThat(warnings).anyMatch(w -> w.startsWith("backup old kept: manifests/old.json"));
            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId).containsExactly("old", "new");
            assertThat(dir.resolve("backups/archives/old.zip")).exists();
            manager.restore(RestoreRequest.of("old", dir.resolve("restored")));

            locked.clear();
            PruneReport later = manager.prune(false);

            assertThat(later.removed()).containsExactly("old");
            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId).containsExactly("new");
            assertThat(dir.resolve("backups/archives/old.zip")).doesNotExist();
        }
    }

    @Test
    void aLockedIncrementalKeepsItsAncestorsAndALaterPruneRemovesTheChain() throws IOException {
        try (BackupManager manager = manager()) {
            manager.createBackup(BackupRequest.withId("full"));
            clock.advance(Duration.ofDays(1));
            Files.writeString(dir.resolve("project/a.txt"), "changed\n");
            manager.createBackup(BackupRequest.withId("incr"));
            clock.advance(Duration.ofDays(60));
            locked.add("archives/incr.zip"); // its manifest goes, then the archive is refused
            manager.createBackup(new BackupRequest("new", List.of(), true, false, false));

            PruneReport blocked = manager.prune(false);

            assertThat(decisions(blocked).get("incr").reason()).contains("archives/incr.zip")
                    .contains("locked until " + UNTIL);
            assertThat(decisions(blocked).get("full").keep()).isTrue();
            assertThat(decisions(blocked).get("full").reason())
                    .contains("needed by a backup that could not be removed");
            assertThat(dir.resolve("backups/archives/full.zip")).exists();
            assertThat(dir.resolve("backups/manifests/full.json")).exists();
            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId)
                    .containsExactly("full", "incr", "new");

            locked.clear();
            PruneReport later = manager.prune(false);

            assertThat(later.removed()).containsExactlyInAnyOrder("full", "incr");
            assertThat(manager.listBackups()).extracting(BackupMetadata::backupId).containsExactly("new");
            assertThat(dir.resolve("backups/archives/incr.zip")).doesNotExist();
            assertThat(dir.resolve("backups/archives/full.zip")).doesNotExist();
        }
    }

    private BackupManager manager() throws IOException {
        Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("project/a.txt"), "hello\n");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(dir.resolve("project")))
                .withBackupLocation(dir.resolve("backups").toString()).withRetentionDays(30);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        };
        return Managers.onDisk(config, clock, new CommonsCompressArchiveCodec(), listener, LockingStorage::new);
    }

    private static Map<String, PruneDecision> decisions(PruneReport report) {
        return report.decisions().stream().collect(Collectors.toMap(PruneDecision::backupId, Function.identity()));
    }

    /** Refuses to delete the keys in {@link #locked}, as S3 does with objects under object lock. */
    private final class LockingStorage extends ForwardingStorage {
        LockingStorage(ArchiveStorage real) {
            super(real);
        }

        @Override
        public void delete(String key) {
            if (locked.contains(key)) {
                throw new ObjectLocked(real.location(), key, UNTIL, null);
            }
            real.delete(key);
        }
    }
}
