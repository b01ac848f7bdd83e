package dev.backman.domain.error;

import java.time.Instant;

/**
 * An object cannot be deleted because the storage keeps it (S3 object lock retention or legal hold). Nothing is
 * wrong with the data: the deletion can be tried again once the lock has expired.
 */
public final class ObjectLocked extends BackupException {
    /** The storage. */
    private final String location;
    /** The object's repository key. */
    private final String key;
    /** When the lock expires, or null. */
    private final Instant until;

    /**
     * An object under lock.
     *
     * @param location the storage, e.g. {@code s3://bucket/prefix}
     * @param key      the object's repository key, e.g. {@code archives/b1.zip}
     * @param until    when the lock expires; null when unknown (a legal hold has no date)
     * @param cause    the storage's refusal
     */
    public ObjectLocked(String location, String key, Instant until, Throwable cause) {
        super("storage " + location + ": cannot delete " + key + ": the object is locked "
                + (until == null ? "(object lock retention or legal hold)" : "until " + until), cause);
        this.location = location;
        this.key = key;
        this.until = until;
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
     * The object.
     *
     * @return its repository key
     */
    public String key() {
        return key;
    }

    /**
     * When the lock expires, or null when the storage did not say.
     *
     * @return the expiry, or null
     */
    public Instant until() {
        return until;
    }
}
