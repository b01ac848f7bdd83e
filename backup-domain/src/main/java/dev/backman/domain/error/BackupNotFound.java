package dev.backman.domain.error;

/** No backup has this id in the repository. */
public final class BackupNotFound extends BackupException {
    /** The id that names no backup. */
    private final String backupId;

    /**
     * No backup with this id.
     *
     * @param backupId the id asked for
     */
    public BackupNotFound(String backupId) {
        super("no backup with id '" + backupId + "' (see `backman list`)");
        this.backupId = backupId;
    }

    /**
     * The id asked for.
     *
     * @return the id
     */
    public String backupId() {
        return backupId;
    }
}
