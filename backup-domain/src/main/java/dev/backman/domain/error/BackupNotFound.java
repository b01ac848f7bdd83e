package dev.backman.domain.error;

/** No backup has this id in the repository. */
public final class BackupNotFound extends BackupException {
    private final String backupId;

    public BackupNotFound(String backupId) {
        super("no backup with id '" + backupId + "' (see `backman list`)");
        this.backupId = backupId;
    }

    public String backupId() {
        return backupId;
    }
}
