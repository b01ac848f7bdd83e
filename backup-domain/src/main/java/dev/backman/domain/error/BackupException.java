package dev.backman.domain.error;

/**
 * Every failure backman reports to a user or a host. Each subtype's message is built from its fields and says what
 * to do; the command line maps each subtype to one exit code.
 */
public abstract sealed class BackupException extends RuntimeException
        permits InvalidConfiguration, MissingSourcePaths, BackupNotFound, IntegrityViolation, UnsafeArchiveEntry,
        StorageFailure, CatalogFailure, RepositoryLocked, RestoreConflict, RepositoryFormatMismatch,
        BackupFailed, ObjectLocked, WrongPassphrase {

    /**
     * A failure with a message for people.
     *
     * @param message what went wrong and what to do
     */
    protected BackupException(String message) {
        super(message);
    }

    /**
     * A failure with a message for people and its cause.
     *
     * @param message what went wrong and what to do
     * @param cause   the underlying failure, or null
     */
    protected BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
