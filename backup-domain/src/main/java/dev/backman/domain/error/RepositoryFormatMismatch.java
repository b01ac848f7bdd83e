package dev.backman.domain.error;

import dev.backman.domain.model.RepositoryDescriptor;

/** The repository was written by a newer backman, or is not a backman repository. */
public final class RepositoryFormatMismatch extends BackupException {

    /**
     * A repository this backman cannot use.
     *
     * @param location the repository's location
     * @param problem  what is wrong and what to do
     */
    public RepositoryFormatMismatch(String location, String problem) {
        super("repository " + location + ": " + problem);
    }

    /**
     * A repository whose format version this backman cannot read, naming that version and the ones it reads.
     *
     * @param location      the repository's location
     * @param formatVersion the format version in its {@code backman.repo.json}
     * @return the error to throw
     */
    public static RepositoryFormatMismatch unreadableFormat(String location, int formatVersion) {
        String reads = "reads formats " + RepositoryDescriptor.OLDEST_FORMAT + ".." + RepositoryDescriptor.CURRENT_FORMAT;
        if (formatVersion > RepositoryDescriptor.CURRENT_FORMAT) {
            return new RepositoryFormatMismatch(location, "repository format " + formatVersion
                    + " is newer than this backman (it " + reads + "); upgrade backman");
        }
        return new RepositoryFormatMismatch(location, "repository format " + formatVersion
                + " is not one this backman knows (it " + reads + ")");
    }
}
