package dev.backman.domain.error;

/** Stored data does not match what the manifest records: the backup is damaged. */
public final class IntegrityViolation extends BackupException {
    /** The damaged backup. */
    private final String backupId;
    /** The damaged object or entry, or null. */
    private final String path;
    /** What is wrong. */
    private final String problem;

    /**
     * A damaged backup.
     *
     * @param backupId the backup
     * @param path     the damaged object or entry ({@code archives/b1.zip}, {@code src/a.txt}), or null
     * @param problem  what is wrong
     */
    public IntegrityViolation(String backupId, String path, String problem) {
        super("backup " + backupId + " is damaged: " + (path == null ? "" : path + ": ") + problem);
        this.backupId = backupId;
        this.path = path;
        this.problem = problem;
    }

    /**
     * The damaged backup.
     *
     * @return its id
     */
    public String backupId() {
        return backupId;
    }

    /**
     * The damaged object or entry.
     *
     * @return its key or path, or null
     */
    public String path() {
        return path;
    }

    /**
     * What is wrong.
     *
     * @return the problem, without the backup's id and path
     */
    public String problem() {
        return problem;
    }
}
