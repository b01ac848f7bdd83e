package dev.backman.domain.error;

/**
 * Every failure backman reports to a user or a host. Each subtype's message is built from its fields and says what
 * to do; the command line maps each subtype to one exit code.
 */
public abstract sealed class BackupException extends RuntimeException
        permits InvalidConfiguration, MissingSourcePaths, BackupNotFound, IntegrityViolation, UnsafeArchiveEntry,
        StorageFailure, CatalogFailure, RepositoryLocked, RestoreConflict, RepositoryFormatMismatch,
        BackupFailed, ObjectLocked, WrongPassphrase {

    protected BackupException(String message) {
        super(message);
    }

    protected BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
