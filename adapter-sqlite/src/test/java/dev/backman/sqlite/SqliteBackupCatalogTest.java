package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.contract.BackupCatalogContract;
import dev.backman.domain.error.CatalogFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.Verification;
import dev.backman.domain.model.VerifyMode;
import dev.backman.domain.port.BackupCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SqliteBackupCatalogTest extends BackupCatalogContract {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackupCatalogTest.class);
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-03-10T14:05:09.25+01:00");

    @Override
    protected BackupCatalog newCatalog(Path dir) {
        return SqliteBackupCatalog.open(dir.resolve("catalog.db"));
    }

    private Path file() {
        return dir.resolve("catalog.db");
    }

    /** Runs SQL on the file through a connection of its own, as another program would. */
    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void newCatalogIsInWalModeAtTheLatestSchemaVersion() throws Exception {
        open().close();

        assertThat(query("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(query("PRAGMA user_version")).isEqualTo(String.valueOf(SchemaMigrations.LATEST));
    }

    @Test
    void openCreatesMissingParentDirectories() {
        Path nested = dir.resolve("a/b/c/catalog.db");

        SqliteBackupCatalog.open(nested).close();

        assertThat(nested).isRegularFile();
    }

    @Test
    void newerSchemaVersionFailsAtOpenNamingFileAndRebuild() throws Exception {
        open().close();
        sql("PRAGMA user_version = 99");

        assertThatThrownBy(() -> newCatalog(dir))
                .isInstanceOf(CatalogFailure.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("backman catalog rebuild");
        assertThat(query("PRAGMA user_version")).isEqualTo("99");
    }

    @Test
    void deleteRemovesTheListRowsToo() throws Exception {
        BackupCatalog catalog = open();
        catalog.save(everyFieldSet("b1", T0));
        catalog.save(everyFieldSet("b2", T0));

        catalog.delete("b1");

        for (String table : new String[] {"source_paths", "skipped_files", "replicas"}) {
            assertThat(query("SELECT count(*) FROM " + table + " WHERE backup_id = 'b1'")).as(table).isEqualTo("0");
            assertThat(query("SELECT count(*) FROM " + table + " WHERE backup_id = 'b2'")).as(table).isNotEqualTo("0");
        }
    }

    @Test
    void timestampIsStoredAsIsoTextWithOffsetAndStatusAsWireName() throws Exception {
        open().save(everyFieldSet("b1", T0));

        assertThat(query("SELECT timestamp || ' ' || status || ' ' || compression_type FROM backups"))
                .isEqualTo("2024-03-10T14:05:09.25+01:00 completed tar.zst");
    }

    @Test
    void specialDurationsRoundTrip() {
        BackupCatalog catalog = open();
        double[] durations = {Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e300, 123_456.789_012_345};
        for (int i = 0; i < durations.length; i++) {
            catalog.save(minimal("b" + i, T0.plusSeconds(i)).withDuration(durations[i]));
        }

        assertThat(catalog.list()).extracting(BackupMetadata::durationSeconds)
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e300, 123_456.789_012_345);
    }

    @Test
    void unknownWireNameInARowIsACatalogFailure() throws Exception {
        open().save(minimal("b1", T0));
        sql("UPDATE backups SET status = 'exploded'");
        BackupCatalog catalog = open();

        assertThatThrownBy(catalog::list)
                .isInstanceOf(CatalogFailure.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("unknown status 'exploded'");
    }

    @Test
    void sqlErrorsAreTranslatedToCatalogFailures() throws Exception {
        BackupCatalog catalog = open();
        catalog.save(minimal("b0", T0));
        sql("DROP TABLE replicas");

        assertThatThrownBy(() -> catalog.save(everyFieldSet("b1", T0)))
                .isExactlyInstanceOf(CatalogFailure.class)
                .hasMessageContaining("cannot save backup b1")
                .hasMessageContaining("no such table: replicas");
        assertThatThrownBy(catalog::list)
                .isExactlyInstanceOf(CatalogFailure.class)
                .hasMessageContaining("no such table: replicas");
    }

    @Test
    void failedSaveLeavesNoPartialRow() throws Exception {
        BackupCatalog catalog = open();
        BackupMetadata before = minimal("b1", T0);
        catalog.save(before);
        sql("DROP TABLE replicas");

        assertThatThrownBy(() -> catalog.save(everyFieldSet("b1", T0.plusDays(1))))
                .isInstanceOf(CatalogFailure.class);

        assertThat(query("SELECT timestamp FROM backups WHERE backup_id = 'b1'")).isEqualTo("2024-03-10T14:05:09.25+01:00");
        assertThat(query("SELECT count(*) FROM source_paths")).isEqualTo("0");
    }

    @Test
    void useAfterCloseIsACatalogFailureAndCloseTwiceIsHarmless() {
        BackupCatalog catalog = open();
        catalog.close();
        catalog.close();

        assertThatThrownBy(catalog::list)
                .isInstanceOf(CatalogFailure.class)
                .hasMessageContaining("closed");
    }

    @Test
    void directoryInPlaceOfTheFileIsACatalogFailure() throws Exception {
        Files.createDirectories(file());

        assertThatThrownBy(() -> newCatalog(dir))
                .isInstanceOf(CatalogFailure.class)
                .hasMessageContaining(file().toString());
    }

    @Test
    void emptyFileBecomesANewCatalog() throws Exception {
        Files.createFile(file());
        BackupCatalog catalog = open();

        catalog.save(minimal("b1", T0));

        assertThat(catalog.list()).hasSize(1);
    }

    @Test
    void openListCloseOfAnEmptyCatalogIsQuick() {
        open().close();
        // The first round in this JVM may also load the native library and Jdbi's classes (if no test ran before).
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            BackupCatalog catalog = newCatalog(dir);
            assertThat(catalog.list()).isEmpty();
            catalog.close();
            LOG.info("open + list + close of an empty catalog: {} ms", (System.nanoTime() - start) / 1_000_000.0);
        }
    }

    /** The schema of version 1 exactly as it shipped, to prove that such a catalog migrates in place. */
    private static final String[] VERSION_1 = {
        """
        CREATE TABLE backups (
            backup_id          TEXT    NOT NULL PRIMARY KEY,
            timestamp          TEXT    NOT NULL,
            epoch_second       INTEGER NOT NULL,
            nano               INTEGER NOT NULL,
            total_files        INTEGER NOT NULL,
            total_size_bytes   INTEGER NOT NULL,
            checksum           TEXT,
            compression_type   TEXT    NOT NULL,
            status             TEXT    NOT NULL,
            duration_seconds   REAL,
            error_message      TEXT,
            backup_type        TEXT    NOT NULL,
            parent_id          TEXT,
            archive_size_bytes INTEGER NOT NULL,
            stored_files       INTEGER NOT NULL,
            encrypted          INTEGER NOT NULL
        )""",
        "CREATE INDEX backups_by_time ON backups (epoch_second, nano, backup_id)",
        """
        CREATE TABLE source_paths (
            backup_id TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            path      TEXT    NOT NULL,
            PRIMARY KEY (backup_id, position)
        ) WITHOUT ROWID""",
        """
        CREATE TABLE skipped_files (
            backup_id TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            path      TEXT,
            reason    TEXT,
            PRIMARY KEY (backup_id, position)
        ) WITHOUT ROWID""",
        """
        CREATE TABLE replicas (
            backup_id TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            location  TEXT,
            status    TEXT,
            PRIMARY KEY (backup_id, position)
        ) WITHOUT ROWID""",
        "PRAGMA user_version = 1",
        """
        INSERT INTO backups VALUES ('old', '2024-03-10T14:05:09.25+01:00', 1710075909, 250000000, 3, 4096,
            NULL, 'tar.zst', 'completed', 1.5, NULL, 'full', NULL, 2048, 3, 0)""",
        "INSERT INTO source_paths VALUES ('old', 0, '/home/ann/src')",
        "INSERT INTO replicas VALUES ('old', 0, 's3://offsite', 'verified')"
    };

    @Test
    void versionOneCatalogMigratesInPlaceKeepingItsRows() throws Exception {
        sql(VERSION_1);

        BackupCatalog catalog = open();

        assertThat(query("PRAGMA user_version")).isEqualTo(String.valueOf(SchemaMigrations.LATEST));
        BackupMetadata old = catalog.find("old").orElseThrow();
        assertThat(old.timestamp()).isEqualTo(T0);
        assertThat(old.sourcePaths()).containsExactly("/home/ann/src");
        assertThat(old.replicas()).hasSize(1);
        assertThat(catalog.files("old")).isEmpty();
        List<FileEntry> files = List.of(entry("src/a", "old"), entry("src/b", "old"));
        catalog.saveFiles("old", files);
        assertThat(catalog.files("old")).containsExactlyElementsOf(files);
        catalog.delete("old");
        assertThat(query("SELECT count(*) FROM file_lists")).isEqualTo("0");
    }

    @Test
    void anOlderCatalogGainsVerificationsKeptWithTheirModeAsWireName() throws Exception {
        sql(VERSION_1);
        BackupCatalog catalog = open();
        Verification quick = new Verification("old", VerifyMode.QUICK, T0.plusDays(1), false,
                "archive is missing");

        catalog.saveVerification(quick);

        assertThat(catalog.verifications("old")).containsExactly(quick);
        assertThat(query("SELECT mode || ' ' || intact FROM verifications")).isEqualTo("quick 0");
        catalog.delete("old");
        assertThat(query("SELECT count(*) FROM verifications")).isEqualTo("0");
    }

    @Test
    void eachBackupsListIsOneValueReadByItsKey() throws Exception {
        BackupCatalog catalog = open();
        catalog.save(minimal("b1", T0));
        catalog.save(minimal("b2", T0));
        catalog.saveFiles("b1", List.of(entry("r/a", "b1"), entry("r/b", "b1")));
        catalog.saveFiles("b2", List.of(entry("r/a", "b1")));
        StringBuilder plan = new StringBuilder();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + FileLists.SELECT)) {
            s.setString(1, "b1");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
        }

        assertThat(query("SELECT group_concat(backup_id || ':' || entries, ' ') FROM file_lists"))
                .isEqualTo("b1:2 b2:1");
        assertThat(plan.toString()).startsWith("SEARCH file_lists USING INDEX").contains("(backup_id=?)")
                .doesNotContain("TEMP B-TREE");
    }

    /** Version 3 with two backups' rows in {@code files}, as a backman of that version left it. */
    private static final String[] VERSION_3_ROWS = {
        """
        CREATE TABLE files (
            backup_id    TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
            path         TEXT    NOT NULL,
            type         TEXT    NOT NULL,
            size         INTEGER NOT NULL,
            mode         INTEGER NOT NULL,
            mtime_second INTEGER NOT NULL,
            mtime_nano   INTEGER NOT NULL,
            sha256       TEXT,
            link_target  TEXT,
            stored_in    TEXT,
            file_key     TEXT,
            PRIMARY KEY (backup_id, path)
        ) WITHOUT ROWID""",
        """
        CREATE TABLE verifications (
            backup_id    TEXT    NOT NULL REFERENCES backups (backup_id) ON DELETE CASCADE,
            mode         TEXT    NOT NULL,
            verified_at  TEXT    NOT NULL,
            epoch_second INTEGER NOT NULL,
            nano         INTEGER NOT NULL,
            intact       INTEGER NOT NULL,
            problem      TEXT,
            PRIMARY KEY (backup_id, mode)
        ) WITHOUT ROWID""",
        """
        INSERT INTO backups VALUES ('new', '2024-03-11T14:05:09.25+01:00', 1710161909, 250000000, 2, 10,
            NULL, 'tar.zst', 'completed', 1.5, NULL, 'incremental', 'old', 20, 1, 0)""",
        """
        INSERT INTO files VALUES
            ('old', 'src', 'dir', 0, 493, 1710075909, 0, NULL, NULL, NULL, '2049:1:1'),
            ('old', 'src/a', 'file', 3, 420, 1710075909, 7, '%1$s', NULL, 'old', '2049:2:1'),
            ('old', 'src/l', 'symlink', 0, -1, -2, 5, NULL, 'a', NULL, NULL),
            ('new', 'src', 'dir', 0, 493, 1710075909, 0, NULL, NULL, NULL, '2049:1:1'),
            ('new', 'src/a', 'file', 3, 420, 1710075909, 7, '%1$s', NULL, 'old', '2049:2:1'),
            ('new', 'src/\u00e9t\u00e9 \ud83d\ude00', 'file', 7, 384, 1710161909, 0, '%2$s', NULL, 'new', NULL)
        """.formatted("a".repeat(64), "b".repeat(64)),
        "PRAGMA user_version = 3"
    };

    @Test
    void versionThreeRowsMoveToOneValuePerBackupUnchanged() throws Exception {
        sql(VERSION_1);
        sql(VERSION_3_ROWS);
        Instant old = Instant.ofEpochSecond(1710075909);
        List<FileEntry> oldList = List.of(
                new FileEntry("src", EntryType.DIR, 0, 0755, old, null, null, null, "2049:1:1"),
                new FileEntry("src/a", EntryType.FILE, 3, 0644, old.plusNanos(7), "a".repeat(64), null, "old",
                        "2049:2:1"),
                new FileEntry("src/l", EntryType.SYMLINK, 0, -1, Instant.ofEpochSecond(-2, 5), null, "a", null, null));
        FileEntry added = new FileEntry("src/\u00e9t\u00e9 \ud83d\ude00", EntryType.FILE, 7, 0600,
                Instant.ofEpochSecond(1710161909), "b".repeat(64), null, "new", null);

        BackupCatalog catalog = open();

        assertThat(query("PRAGMA user_version")).isEqualTo(String.valueOf(SchemaMigrations.LATEST));
        assertThat(query("SELECT count(*) FROM sqlite_master WHERE name = 'files'")).isEqualTo("0");
        assertThat(catalog.files("old")).containsExactlyElementsOf(oldList);
        assertThat(catalog.files("new")).containsExactly(oldList.get(0), oldList.get(1), added);
        assertThat(catalog.filesStoredIn("new")).containsExactly(added);
        assertThat(catalog.contentsStoredIn("old", size -> true)).containsExactly(StoredContent.of(oldList.get(1)));
        assertThat(catalog.filesStoredIn("old")).containsExactly(oldList.get(1));
        catalog.delete("old");
        assertThat(query("SELECT group_concat(backup_id) FROM file_lists")).isEqualTo("new");
    }

    @Test
    void saveFilesOfABackupNotInTheCatalogFailsNamingIt() {
        BackupCatalog catalog = open();

        assertThatThrownBy(() -> catalog.saveFiles("ghost", List.of(entry("r/a", "ghost"))))
                .isExactlyInstanceOf(CatalogFailure.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("backup ghost is not in the catalog");
        assertThat(catalog.files("ghost")).isEmpty();
    }

    @Test
    void failedSaveFilesKeepsThePreviousList() {
        BackupCatalog catalog = open();
        catalog.save(minimal("b1", T0));
        List<FileEntry> before = List.of(entry("r/a", "b1"));
        catalog.saveFiles("b1", before);

        // The same path twice: a list names each path once.
        List<FileEntry> broken = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            broken.add(entry(String.format("r/%04d", i), "b1"));
        }
        broken.add(entry("r/0000", "b1"));
        assertThatThrownBy(() -> catalog.saveFiles("b1", broken))
                .isExactlyInstanceOf(CatalogFailure.class)
                .hasMessageContaining("cannot save the file list of backup b1");

        assertThat(catalog.files("b1")).isEqualTo(before);
    }

    @Test
    void listsOfEverySizeRoundTripAndAnEmptyOneReplacesTheLast() throws Exception {
        BackupCatalog catalog = open();
        for (int size : new int[] {1, 2, 127, 128, 129, 20_000}) {
            String id = "b" + size;
            catalog.save(minimal(id, T0));
            List<FileEntry> files = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                files.add(entry(String.format("r/%05d", i), id));
            }

            catalog.saveFiles(id, files);

            assertThat(catalog.files(id)).as("%d files", size).isEqualTo(files);
        }
        // 20,000 entries take more than one piece; saved again smaller, the pieces left over go
        assertThat(Integer.parseInt(query("SELECT count(*) FROM file_lists WHERE backup_id = 'b20000'")))
                .isGreaterThan(5);
        catalog.saveFiles("b20000", List.of(entry("r/x", "b20000")));
        assertThat(catalog.files("b20000")).containsExactly(entry("r/x", "b20000"));
        assertThat(query("SELECT count(*) FROM file_lists WHERE backup_id = 'b20000'")).isEqualTo("1");
        catalog.saveFiles("b1", List.of());
        assertThat(catalog.files("b1")).isEmpty();
    }

    @Test
    void versionThreeRowsThatCannotMoveLeaveTheFileAsItWasAndSuggestARebuild() throws Exception {
        sql(VERSION_1);
        sql(VERSION_3_ROWS);
        sql("UPDATE files SET type = 'socket' WHERE path = 'src/l'");

        assertThatThrownBy(this::open)
                .isExactlyInstanceOf(CatalogFailure.class)
                .hasMessageContaining("unknown entry type 'socket'")
                .hasMessageContaining("catalog rebuild");
        assertThat(query("PRAGMA user_version")).isEqualTo("3");
        assertThat(query("SELECT count(*) FROM files")).isEqualTo("6");
        assertThat(query("SELECT count(*) FROM sqlite_master WHERE name = 'file_lists'")).isEqualTo("0");
    }

    @Test
    void aListOfAnUnknownFormatOrDamagedIsACatalogFailureSuggestingARebuild() throws Exception {
        BackupCatalog catalog = open();
        catalog.save(minimal("b1", T0));
        catalog.save(minimal("b2", T0));
        catalog.saveFiles("b1", List.of(entry("r/a", "b1")));
        catalog.saveFiles("b2", List.of(entry("r/a", "b2")));
        sql("UPDATE file_lists SET list = X'07' || substr(list, 2) WHERE backup_id = 'b1'",
                "UPDATE file_lists SET list = substr(list, 1, length(list) - 3) WHERE backup_id = 'b2'");

        assertThatThrownBy(() -> catalog.files("b1"))
                .isExactlyInstanceOf(CatalogFailure.class)
                .hasMessageContaining("file list of unknown format 7")
                .hasMessageContaining("catalog rebuild");
        assertThatThrownBy(() -> catalog.files("b2"))
                .isExactlyInstanceOf(CatalogFailure.class)
                .hasMessageContaining("damaged file list")
                .hasMessageContaining("catalog rebuild");
    }

    @Test
    void contentsStoredInFollowTheListAsItIsNow() {
        BackupCatalog catalog = open();
        catalog.save(minimal("b0", T0));
        FileEntry stored = entry("r/a", "b0");
        catalog.saveFiles("b0", List.of(stored));
        assertThat(catalog.contentsStoredIn("b0", size -> true)).containsExactly(StoredContent.of(stored));

        catalog.saveFiles("b0", List.of(new FileEntry("r/a", EntryType.FILE, 1, 0644, stored.mtime(),
                "b".repeat(64), null, "b0", null)));

        assertThat(catalog.contentsStoredIn("b0", size -> true))
                .containsExactly(new StoredContent("b".repeat(64), 1, "b0"));
    }

    @Test
    void filesReadBackShareOneStringPerStoredInId() {
        BackupCatalog catalog = open();
        catalog.save(minimal("b1", T0));
        catalog.saveFiles("b1", List.of(entry("r/a", new String("b0")), entry("r/b", new String("b0"))));

        List<FileEntry> files = catalog.files("b1");

        assertThat(files.get(0).storedIn()).isEqualTo("b0").isSameAs(files.get(1).storedIn());
    }

    private static FileEntry entry(String path, String storedIn) {
        return new FileEntry(path, EntryType.FILE, 1, 0644, Instant.ofEpochSecond(1_700_000_000L, 42),
                "a".repeat(64), null, storedIn, "2049:7:1700000000000");
    }
}
