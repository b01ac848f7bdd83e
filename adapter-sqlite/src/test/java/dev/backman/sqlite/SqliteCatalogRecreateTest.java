package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCatalogRecreateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T13:05:09Z"), ZoneId.of("Europe/Paris"));
    private static final String STAMP = "20240310140509";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("catalog.db");
    }

    private static BackupMetadata backup(String id) {
        return BackupMetadata.pending(id, OffsetDateTime.parse("2024-01-01T00:00Z"), List.of("/src"),
                CompressionType.TAR_ZST);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void garbageFileIsMovedAsideUntouchedAndAnEmptyCatalogTakesItsPlace() throws Exception {
        byte[] garbage = "not a database at all\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), garbage);

        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.recreate(file(), CLOCK)) {
            assertThat(catalog.list()).isEmpty();
            catalog.save(backup("new"));
        }

        assertThat(Files.readAllBytes(dir.resolve("catalog.db.replaced-" + STAMP))).isEqualTo(garbage);
        try (SqliteBackupCatalog reopened = SqliteBackupCatalog.open(file())) {
            assertThat(reopened.list()).extracting(BackupMetadata::backupId).containsExactly("new");
        }
    }

    @Test
    void validCatalogIsMovedAsideWithItsWalAndStillOpensThere() throws Exception {
        FileEntry entry = new FileEntry("src/a", EntryType.FILE, 1, 0644, Instant.EPOCH, "a".repeat(64), null,
                "old", null);
        // The files as a crash leaves them: the last writes only in the -wal file, not yet checkpointed.
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        try (SqliteBackupCatalog old = SqliteBackupCatalog.open(elsewhere.resolve("catalog.db"))) {
            old.save(backup("old"));
            old.saveFiles("old", List.of(entry));
            for (String name : List.of("catalog.db", "catalog.db-wal", "catalog.db-shm")) {
                Files.copy(elsewhere.resolve(name), dir.resolve(name));
            }
        }
        assertThat(Files.size(dir.resolve("catalog.db-wal"))).isPositive();

        try (SqliteBackupCatalog fresh = SqliteBackupCatalog.recreate(file(), CLOCK)) {
            assertThat(fresh.list()).isEmpty();
            assertThat(fresh.files("old")).isEmpty();
        }

        Path aside = dir.resolve("catalog.db.replaced-" + STAMP);
        assertThat(dir.resolve("catalog.db.replaced-" + STAMP + "-wal")).exists();
        try (SqliteBackupCatalog moved = SqliteBackupCatalog.open(aside)) {
            assertThat(moved.list()).extracting(BackupMetadata::backupId).containsExactly("old");
            assertThat(moved.files("old")).containsExactly(entry);
        }
    }

    @Test
    void walLeftBesideTheOldFileMovesWithIt() throws Exception {
        Files.write(file(), new byte[] {1});
        Files.write(dir.resolve("catalog.db-wal"), new byte[] {2});
        Files.write(dir.resolve("catalog.db-shm"), new byte[] {3});

        SqliteBackupCatalog.recreate(file(), CLOCK).close();

        String aside = "catalog.db.replaced-" + STAMP;
        assertThat(Files.readAllBytes(dir.resolve(aside + "-wal"))).containsExactly(2);
        assertThat(Files.readAllBytes(dir.resolve(aside + "-shm"))).containsExactly(3);
        assertThat(Files.readAllBytes(dir.resolve(aside))).containsExactly(1);
    }

    @Test
    void newerSchemaIsMovedAsideToo() throws Exception {
        SqliteBackupCatalog.open(file()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }

        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.recreate(file(), CLOCK)) {
            assertThat(catalog.list()).isEmpty();
        }

        assertThat(names()).contains("catalog.db.replaced-" + STAMP);
    }

    @Test
    void secondRebuildInTheSameSecondKeepsBothOldFiles() throws Exception {
        Files.write(file(), new byte[] {1});
        SqliteBackupCatalog.recreate(file(), CLOCK).close();

        SqliteBackupCatalog.recreate(file(), CLOCK).close();

        String aside = "catalog.db.replaced-" + STAMP;
        assertThat(Files.readAllBytes(dir.resolve(aside))).containsExactly(1);
        assertThat(Files.readAllBytes(dir.resolve(aside + "-2"))).startsWith(
                "SQLite format 3".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void missingFileGivesANewCatalogAndMovesNothing() throws Exception {
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.recreate(dir.resolve("sub/catalog.db"), CLOCK)) {
            assertThat(catalog.list()).isEmpty();
        }

        assertThat(names()).containsExactly("sub");
    }
}
