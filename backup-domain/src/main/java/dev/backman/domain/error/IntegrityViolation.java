package dev.backman.domain.error;

/** Stored data does not match what the manifest records: the backup is damaged. */
public final class IntegrityViolation extends BackupException {
    private final String backupId;
    private final String path;
    private final String problem;

    public IntegrityViolation(String backupId, String path, String problem) {
        super("backup " + backupId + " is damaged: " + (path == null ? "" : path + ": ") + problem);
        this.backupId = backupId;
        this.path = path;
        this.problem = problem;
    }

    public String backupId() {
        return backupId;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
