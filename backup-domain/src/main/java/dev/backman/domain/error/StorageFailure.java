package dev.backman.domain.error;

/** The repository's storage could not be read or written; {@code retryable} says whether trying again may help. */
public final class StorageFailure extends BackupException {
    /** The storage's location. */
    private final String location;
    /** Whether trying again may help. */
    private final boolean retryable;

    /**
     * A storage failure.
     *
     * @param location  the storage, e.g. {@code /srv/backups} or {@code s3://bucket/prefix}
     * @param problem   what went wrong and what to do
     * @param retryable whether trying again may help (a network error, a throttled request)
     * @param cause     the underlying failure, or null
     */
    public StorageFailure(String location, String problem, boolean retryable, Throwable cause) {
        super("storage " + location + ": " + problem, cause);
        this.location = location;
        this.retryable = retryable;
    }

    /**
     * The storage.
     *
     * @return its location
     */
    public String location() {
        return location;
    }

    /**
     * Whether trying again may help.
     *
     * @return true for transient failures
     */
    public boolean retryable() {
        return retryable;
    }
}
