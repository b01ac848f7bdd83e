package dev.backman.sqlite;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.CatalogFailure;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.Verification;
import dev.backman.domain.port.BackupCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The backup catalog in one SQLite file (WAL mode, so that several backman processes can share it). One connection,
 * used by one thread at a time; every operation is one transaction. Failures are {@link CatalogFailure}s naming the
 * file.
 */
public final class SqliteBackupCatalog implements BackupCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackupCatalog.class);
    /** How long an operation waits for another process's write to finish before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final long WAL_RETRY_PAUSE_MILLIS = 20;

    private final Path file;
    private final Connection connection;
    private final Handle handle;
    private final SqlFailures failures;
    private boolean closed;

    private SqliteBackupCatalog(Path file, Connection connection, Handle handle, SqlFailures failures) {
        this.file = file;
        this.connection = connection;
        this.handle = handle;
        this.failures = failures;
    }

    /**
     * Opens the catalog in {@code dbFile}, creating its directory and the database when missing and migrating an
     * older schema.
     *
     * @throws CatalogFailure when the file is not an SQLite database, was written by a newer backman, or cannot be
     *                        opened; the message names the file and, where it helps, suggests {@code catalog rebuild}
     * @param dbFile the database file, e.g. {@code <repository>/catalog.db}
     * @return the open catalog; close it (the manager does)
     */
    public static SqliteBackupCatalog open(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        createParent(file);
        CatalogFileCheck.requireDatabaseOrAbsent(file);
        SqlFailures failures = new SqlFailures(file, BUSY_TIMEOUT_MILLIS);
        Connection connection = connect(file, failures);
        try {
            Handle handle = jdbi(connection).open();
            configure(handle, file);
            SchemaMigrations.migrate(handle, file);
            return new SqliteBackupCatalog(file, connection, handle, failures);
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e instanceof BackupException be ? be : failures.translate("open the catalog", e);
        }
    }

    /**
     * A new, empty catalog in {@code dbFile}, for {@code backman catalog rebuild}. Whatever is there now (a catalog, a
     * newer backman's catalog, garbage) is never deleted: it is renamed, with its {@code -wal}, {@code -shm} and
     * {@code -journal} side files, to {@code <name>.replaced-<yyyyMMddHHmmss>} (local time) beside it.
     *
     * @throws CatalogFailure when the old file cannot be moved aside or the new catalog cannot be created
     * @param dbFile the database file
     * @return the new, empty catalog
     */
    public static SqliteBackupCatalog recreate(Path dbFile) {
        return recreate(dbFile, Clock.systemDefaultZone());
    }

    static SqliteBackupCatalog recreate(Path dbFile, Clock clock) {
        Path file = dbFile.toAbsolutePath().normalize();
        new CatalogSetAside(clock).moveAside(file)
                .ifPresent(aside -> LOG.info("catalog {}: moved the previous catalog aside to {}", file, aside));
        return open(file);
    }

    private static void createParent(Path file) {
        Path parent = file.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new CatalogFailure("cannot create the directory of " + file + ": " + e, e);
        }
    }

    private static Connection connect(Path file, SqlFailures failures) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS); // set on the native handle as it opens, before any pragma
        try {
            // Straight to the driver: DriverManager would first load every JDBC driver on the class path.
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw failures.translate("open the catalog", e);
        }
    }

    /**
     * Jdbi over the one connection, set up for a short-lived CLI: no plugins installed (no service loading), and no
     * ANTLR-based template engine or parser, which would otherwise load on the first statement.
     */
    private static Jdbi jdbi(Connection connection) {
        Jdbi jdbi = Jdbi.create(connection);
        jdbi.getConfig(SqlStatements.class)
                .setTemplateEngine(TemplateEngine.NOP)
                .setSqlParser(new PositionalSqlParser());
        return jdbi;
    }

    private static void configure(Handle handle, Path file) {
        String mode = walMode(handle);
        if (!"wal".equalsIgnoreCase(mode)) {
            // e.g. a network file system without shared memory: still correct, only less concurrent.
            LOG.warn("catalog {}: WAL journal mode unavailable, using {}", file, mode);
        }
        handle.execute("PRAGMA foreign_keys = ON");
    }

    /**
     * Puts the catalog in WAL mode, which stays with the file: an existing catalog is only asked. SQLite answers a
     * switch that races with another connection's (several processes opening a new catalog at once) "busy" at once,
     * without the wait it grants other statements, so it is tried again until the busy timeout.
     */
    private static String walMode(Handle handle) {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            try {
                String mode = pragma(handle, "PRAGMA journal_mode");
                return "wal".equalsIgnoreCase(mode) ? mode : pragma(handle, "PRAGMA journal_mode = WAL");
            } catch (RuntimeException e) {
                if (!SqlFailures.isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(WAL_RETRY_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String pragma(Handle handle, String sql) {
        return handle.createQuery(sql).map((rs, ctx) -> rs.getString(1)).one();
    }

    @Override
    public void save(BackupMetadata backup) {
        write("save backup " + backup.backupId(), h -> {
            BackupRows.replace(h, backup);
            return null;
        });
    }

    @Override
    public Optional<BackupMetadata> find(String backupId) {
        return read("find backup " + backupId, h -> BackupRows.find(h, backupId));
    }

    @Override
    public List<BackupMetadata> list() {
        return read("list backups", BackupRows::list);
    }

    @Override
    public void delete(String backupId) {
        write("delete backup " + backupId, h -> {
            BackupRows.delete(h, backupId);
            return null;
        });
    }

    @Override
    public void saveFiles(String backupId, List<FileEntry> files) {
        write("save the file list of backup " + backupId, h -> jdbc(c -> {
            FileLists.replace(c, backupId, files);
            return null;
        }));
    }

    @Override
    public List<FileEntry> files(String backupId) {
        return read("read the file list of backup " + backupId, h -> jdbc(c -> FileLists.of(c, backupId)));
    }

    @Override
    public List<FileEntry> filesStoredIn(String backupId) {
        return read("read the files stored in backup " + backupId, h -> jdbc(c -> FileLists.storedIn(c, backupId)));
    }

    @Override
    public List<StoredContent> contentsStoredIn(String backupId, LongPredicate sizes) {
        return read("read the contents stored in backup " + backupId, h -> jdbc(c -> FileLists.contentsStoredIn(c,
                backupId, sizes)));
    }

    @Override
    public void saveVerification(Verification verification) {
        write("record the verification of backup " + verification.backupId(), h -> {
            VerificationRows.save(h, verification);
            return null;
        });
    }

    @Override
    public List<Verification> verifications(String backupId) {
        return read("read the verifications of backup " + backupId, h -> VerificationRows.of(h, backupId));
    }

    /** Work on the raw connection (the same one the handle's transaction runs on), for the large file lists. */
    private interface JdbcWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T jdbc(JdbcWork<T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }

    /** Carries an SQLException through {@link Function}; {@link SqlFailures} reports the SQLException's message. */
    private static final class UncheckedSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }
    }

    private <T> T write(String action, Function<Handle, T> work) {
        return run(action, Transactions.WRITE, work);
    }

    private <T> T read(String action, Function<Handle, T> work) {
        return run(action, Transactions.READ, work);
    }

    private synchronized <T> T run(String action, String begin, Function<Handle, T> work) {
        if (closed) {
            throw new CatalogFailure(file + ": cannot " + action + ": the catalog is closed", null);
        }
        try {
            return Transactions.inTransaction(handle, begin, work);
        } catch (BackupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failures.translate(action, e);
        }
    }

    /** Closes the connection; later calls fail with {@link CatalogFailure}. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            handle.close();
            connection.close();
        } catch (SQLException | RuntimeException e) {
            throw failures.translate("close the catalog", e);
        }
    }

    @Override
    public String toString() {
        return "SqliteBackupCatalog[" + file + "]";
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
