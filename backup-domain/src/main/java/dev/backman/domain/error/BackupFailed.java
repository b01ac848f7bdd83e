package dev.backman.domain.error;

/** A backup could not be completed; it is recorded as failed and left nothing behind. */
public final class BackupFailed extends BackupException {
    private final String backupId;

    public BackupFailed(String backupId, String problem, Throwable cause) {
        super("backup " + backupId + " failed: " + problem, cause);
        this.backupId = backupId;
    }

    public String backupId() {
        return backupId;
    }
}
