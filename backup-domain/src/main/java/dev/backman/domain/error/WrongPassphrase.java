package dev.backman.domain.error;

/**
 * The passphrase given for an encrypted repository does not unlock its data key. Found before anything is read or
 * written; the message never contains the passphrase.
 */
public final class WrongPassphrase extends BackupException {
    /** The repository's location. */
    private final String location;

    /**
     * A passphrase that does not open the repository's key.
     *
     * @param location the repository's location
     */
    public WrongPassphrase(String location) {
        super("repository " + location + ": wrong passphrase (it does not unlock the repository's key)");
        this.location = location;
    }

    /**
     * The repository.
     *
     * @return its location
     */
    public String location() {
        return location;
    }
}
