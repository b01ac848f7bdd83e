package dev.backman.domain.error;

/** A configuration value or command-line argument is invalid; nothing has been written. */
public final class InvalidConfiguration extends BackupException {
    private final String key;
    private final String problem;

    public InvalidConfiguration(String key, String problem) {
        super("invalid " + key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
