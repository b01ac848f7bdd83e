package dev.backman.domain.error;

/** A backup could not be completed; it is recorded as failed and left nothing behind. */
public final class BackupFailed extends BackupException {
    /** The backup that failed. */
    private final String backupId;

    /**
     * A failed backup.
     *
     * @param backupId the backup
     * @param problem  what went wrong
     * @param cause    the underlying failure, or null
     */
    public BackupFailed(String backupId, String problem, Throwable cause) {
        super("backup " + backupId + " failed: " + problem, cause);
        this.backupId = backupId;
    }

    /**
     * The backup that failed.
     *
     * @return its id
     */
    public String backupId() {
        return backupId;
    }
}
