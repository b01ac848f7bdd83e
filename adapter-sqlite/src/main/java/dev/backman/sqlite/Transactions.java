package dev.backman.sqlite;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Explicit SQLite transactions on a handle in auto-commit mode. Writes begin IMMEDIATE so that a second process waits
 * for the write lock (busy timeout) instead of failing when a read snapshot cannot be upgraded; reads begin DEFERRED
 * so that they never block a writer yet see one consistent snapshot across several queries.
 */
final class Transactions {
    static final String WRITE = "BEGIN IMMEDIATE";
    static final String READ = "BEGIN DEFERRED";

    private Transactions() {
    }

    static <T> T inTransaction(Handle handle, String begin, Function<Handle, T> work) {
        handle.execute(begin);
        T result;
        try {
            result = work.apply(handle);
            handle.execute("COMMIT");
        } catch (RuntimeException e) {
            rollbackQuietly(handle, e);
            throw e;
        }
        return result;
    }

    private static void rollbackQuietly(Handle handle, RuntimeException failure) {
        try {
            handle.execute("ROLLBACK");
        } catch (RuntimeException e) {
            // SQLite may already have rolled back (e.g. after an I/O error); the first failure is what matters.
            failure.addSuppressed(e);
        }
    }
}
