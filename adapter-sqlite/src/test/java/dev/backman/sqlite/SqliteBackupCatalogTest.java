package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.contract.BackupCatalogContract;
import dev.backman.domain.error.CatalogFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.port.BackupCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
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
}
