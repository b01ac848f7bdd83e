package dev.backman.sqlite;

import dev.backman.domain.error.CatalogFailure;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns whatever SQLite, the driver or Jdbi throw into a {@link CatalogFailure} that names the catalog file. */
final class SqlFailures {
    static final String REBUILD_HINT =
            "run `backman catalog rebuild` to recreate the catalog from the repository's manifests";

    private static final int PRIMARY_BUSY = SQLiteErrorCode.SQLITE_BUSY.code;
    private static final int PRIMARY_CORRUPT = SQLiteErrorCode.SQLITE_CORRUPT.code;
    private static final int PRIMARY_NOTADB = SQLiteErrorCode.SQLITE_NOTADB.code;

    private final Path file;
    private final int busyTimeoutMillis;

    SqlFailures(Path file, int busyTimeoutMillis) {
        this.file = file;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    /** The failure of {@code action} (e.g. "save backup b1") on this catalog. */
    CatalogFailure translate(String action, Throwable error) {
        StringBuilder problem = new StringBuilder()
                .append(file).append(": cannot ").append(action).append(": ").append(describe(error));
        int primary = primaryCode(error);
        if (primary == PRIMARY_NOTADB || primary == PRIMARY_CORRUPT) {
            problem.append("; ").append(REBUILD_HINT);
        } else if (primary == PRIMARY_BUSY) {
            problem.append("; another backman process kept it locked for more than ")
                    .append(busyTimeoutMillis / 1000).append(" s, try again when it has finished");
        }
        return new CatalogFailure(problem.toString(), error);
    }

    /** Whether SQLite answered "busy": another connection held the lock it needed. */
    static boolean isBusy(Throwable error) {
        return primaryCode(error) == PRIMARY_BUSY;
    }

    /** The driver's message when there is one (Jdbi's repeats the statement), else the first non-Jdbi one. */
    private static String describe(Throwable error) {
        Throwable chosen = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                chosen = t;
                break;
            }
            if (chosen == null && !t.getClass().getName().startsWith("org.jdbi.")) {
                chosen = t;
            }
        }
        Throwable shown = chosen == null ? error : chosen;
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }

    /** The primary SQLite result code (extended codes keep it in the low byte), or -1 when none is known. */
    private static int primaryCode(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return sqlite.getResultCode().code & 0xff;
            }
        }
        return -1;
    }
}
