package dev.backman.domain.error;

/**
 * The passphrase given for an encrypted repository does not unlock its data key. Found before anything is read or
 * written; the message never contains the passphrase.
 */
public final class WrongPassphrase extends BackupException {
    private final String location;

    public WrongPassphrase(String location) {
        super("repository " + location + ": wrong passphrase (it does not unlock the repository's key)");
        this.location = location;
    }

    public String location() {
        return location;
    }
}
