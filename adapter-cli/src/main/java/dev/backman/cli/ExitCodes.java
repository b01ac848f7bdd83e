package dev.backman.cli;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.BackupFailed;
import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.error.CatalogFailure;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.error.MissingSourcePaths;
import dev.backman.domain.error.ObjectLocked;
import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.error.RepositoryLocked;
import dev.backman.domain.error.RestoreConflict;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.error.UnsafeArchiveEntry;
import dev.backman.domain.error.WrongPassphrase;
import java.util.Map;

/** The exit codes of SPEC 6, and the one mapping from failures to them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation failed (including an unknown backup id). */
    public static final int FAILURE = 1;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** Integrity problem: damaged data found or refused. */
    public static final int INTEGRITY = 3;
    /** The backup completed but some source files could not be read. */
    public static final int UNREADABLE_FILES = 4;

    // Every permitted subtype of the sealed BackupException is listed; a test keeps it that way.
    private static final Map<Class<? extends BackupException>, Integer> BY_FAILURE = Map.ofEntries(
            Map.entry(InvalidConfiguration.class, USAGE),
            Map.entry(MissingSourcePaths.class, USAGE),
            Map.entry(RepositoryFormatMismatch.class, USAGE),
            Map.entry(BackupNotFound.class, FAILURE),
            Map.entry(StorageFailure.class, FAILURE),
            Map.entry(CatalogFailure.class, FAILURE),
            Map.entry(RepositoryLocked.class, FAILURE),
            Map.entry(RestoreConflict.class, FAILURE),
            Map.entry(BackupFailed.class, FAILURE),
            Map.entry(ObjectLocked.class, FAILURE),
            Map.entry(WrongPassphrase.class, FAILURE),
            Map.entry(IntegrityViolation.class, INTEGRITY),
            Map.entry(UnsafeArchiveEntry.class, INTEGRITY));

    private ExitCodes() {
    }

    /** The exit code for a failure; anything that is not a {@link BackupException} is a plain failure. */
    public static int of(Throwable failure) {
        if (failure instanceof BackupException) {
            return BY_FAILURE.getOrDefault(failure.getClass(), FAILURE);
        }
        return FAILURE;
    }

    /** Whether a failure type has its own entry in the mapping. */
    static boolean maps(Class<? extends BackupException> type) {
        return BY_FAILURE.containsKey(type);
    }
}
