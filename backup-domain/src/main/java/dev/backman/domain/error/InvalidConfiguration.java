package dev.backman.domain.error;

/** A configuration value or command-line argument is invalid; nothing has been written. */
public final class InvalidConfiguration extends BackupException {
    /** The configuration key or option. */
    private final String key;
    /** What is wrong with its value. */
    private final String problem;

    /**
     * An invalid value.
     *
     * @param key     the configuration key or option, e.g. {@code retention_days} or {@code --sample}
     * @param problem what is wrong with its value
     */
    public InvalidConfiguration(String key, String problem) {
        super("invalid " + key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /**
     * The configuration key or option.
     *
     * @return its name
     */
    public String key() {
        return key;
    }

    /**
     * What is wrong with the value.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
