package dev.backman.domain.error;

/** The repository's storage could not be read or written; {@code retryable} says whether trying again may help. */
public final class StorageFailure extends BackupException {
    private final String location;
    private final boolean retryable;

    public StorageFailure(String location, String problem, boolean retryable, Throwable cause) {
        super("storage " + location + ": " + problem, cause);
        this.location = location;
        this.retryable = retryable;
    }

    public String location() {
        return location;
    }

    public boolean retryable() {
        return retryable;
    }
}
