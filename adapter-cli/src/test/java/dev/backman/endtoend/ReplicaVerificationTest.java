package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.BackupManager;
import dev.backman.application.BackupRequest;
import dev.backman.application.ReplicationReport;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.ReplicaStatus;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.StagedObject;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offsite copies are verified by reading them back: a copy that differs is never reported as good. */
class ReplicaVerificationTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
    private final List<String> warnings = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private volatile boolean corrupting;

    @BeforeEach
    void source() throws IOException {
        Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("project/a.txt"), "hello\n");
    }

    @Test
    void aCopyThatDoesNotReadBackAsSentIsFailedAndRemovedThenReplicatedAgain() {
        corrupting = true;
        try (BackupManager manager = manager()) {
            BackupMetadata backup = manager.createBackup(BackupRequest.withId("b1"));

            assertThat(backup.replicas()).containsExactly(new Replica(offsiteLocation(), ReplicaStatus.FAILED));
            assertThat(warnings).anyMatch(w -> w.contains("does not read back as written"));
            assertThat(dir.resolve("offsite/manifests/b1.json")).doesNotExist();
            assertThat(dir.resolve("offsite/archives/b1.zip")).doesNotExist();

            corrupting = false;
            ReplicationReport report = manager.replicate();

            assertThat(report.complete()).isTrue();
            assertThat(manager.getBackupStatus("b1").orElseThrow().replicas())
                    .containsExactly(new Replica(offsiteLocation(), ReplicaStatus.VERIFIED));
            assertThat(dir.resolve("offsite/archives/b1.zip"))
                    .hasSameBinaryContentAs(dir.resolve("backups/archives/b1.zip"));
        }
    }

    @Test
    void aCompleteCopyAlreadyThereIsCheckedInsteadOfSentAgain() {
        try (BackupManager manager = manager()) {
            manager.createBackup(BackupRequest.withId("b1"));
            manager.rebuildCatalog(); // the catalog forgets the replicas; the copy stays
            int before = writes.get();

            ReplicationReport report = manager.replicate();

            assertThat(report.complete()).isTrue();
            assertThat(report.outcomes()).hasSize(1);
            assertThat(writes.get()).as("nothing sent again").isEqualTo(before);
        }
    }

    private String offsiteLocation() {
        return dir.resolve("offsite").toString();
    }

    private BackupManager manager() {
        Path repo = dir.resolve("backups");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(dir.resolve("project")))
                .withBackupLocation(repo.toString()).withRetentionDays(0);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        };
        return Managers.local(config, clock)
                .listener(listener)
                .offsite(List.of(new DamagingStorage(new LocalDiskArchiveStorage(dir.resolve("offsite")))))
                .build();
    }

    /** Counts archive writes and, while {@link #corrupting}, flips the first byte of each archive written. */
    private final class DamagingStorage extends ForwardingStorage {
        DamagingStorage(ArchiveStorage real) {
            super(real);
        }

        @Override
        public StagedObject stage(String key) {
            StagedObject staged = real.stage(key);
            if (!key.startsWith("archives/")) {
                return staged;
            }
            writes.incrementAndGet();
            OutputStream damaging = new FilterOutputStream(staged.output()) {
                private boolean first = true;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (first && corrupting && len > 0) {
                        byte[] copy = b.clone();
                        copy[off] ^= 1;
                        b = copy;
                    }
                    first = false;
                    out.write(b, off, len);
                }
            };
            return new StagedObject() {
                @Override
                public OutputStream output() {
                    return damaging;
                }

                @Override
                public long commit() throws IOException {
                    return staged.commit();
                }

                @Override
                public void close() {
                    staged.close();
                }
            };
        }
    }
}
