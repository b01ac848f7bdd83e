package dev.backman.domain.error;

/** The repository was written by a newer backman, or is not a backman repository. */
public final class RepositoryFormatMismatch extends BackupException {
    public RepositoryFormatMismatch(String location, String problem) {
        super("repository " + location + ": " + problem);
    }
}
