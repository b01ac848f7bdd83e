package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.application.BackupManager;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.ProgressListener;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog rebuild cut short leaves the newest backups known: their older parents are merely unknown (never
 * pruned), instead of old backups whose unknown children still need them.
 */
class InterruptedRebuildTest {
    @TempDir
    Path dir;

    @Test
    void backupsAreRebuiltNewestFirst() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        Path repo = dir.resolve("backups");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(repo.toString()).withRetentionDays(0);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
        // the newest id sorts between the others: neither name order finds it first, only the manifests' times
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            for (String id : List.of("a-oldest", "z-middle", "m-newest")) {
                TreeFixture.write(source.resolve(id + ".txt"), id);
                manager.createBackup(id);
                clock.advance(Duration.ofHours(1));
            }
        }
        Files.delete(repo.resolve("catalog.db"));

        SqliteBackupCatalog fresh = SqliteBackupCatalog.open(repo.resolve("catalog.db"));
        try (BackupManager rebuilding = manager(config, clock, dyingAfterFirstSave(fresh))) {
            assertThatThrownBy(rebuilding::rebuildCatalog).hasMessageContaining("killed");
        }
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(repo.resolve("catalog.db"))) {
            assertThat(catalog.list()).extracting(BackupMetadata::backupId).containsExactly("m-newest");
        }
    }

    /** The real catalog, dying (like a killed process) when a second backup row is saved. */
    private static BackupCatalog dyingAfterFirstSave(BackupCatalog real) {
        AtomicInteger saves = new AtomicInteger();
        return (BackupCatalog) Proxy.newProxyInstance(BackupCatalog.class.getClassLoader(),
                new Class<?>[] {BackupCatalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("save") && saves.incrementAndGet() > 1) {
                        throw new IllegalStateException("killed");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static BackupManager manager(BackupConfig config, MutableClock clock, BackupCatalog catalog) {
        return Managers.local(config, clock, catalog)
                .listener(ProgressListener.NONE)
                .build();
    }
}
