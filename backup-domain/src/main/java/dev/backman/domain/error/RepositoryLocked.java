package dev.backman.domain.error;

/** Another writer holds the repository's lock. */
public final class RepositoryLocked extends BackupException {
    private final String holder;

    public RepositoryLocked(String location, String holder) {
        super("repository " + location + " is locked by " + holder
                + "; wait for it (--lock-wait), or if that process is gone run `backman unlock --force`");
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }
}
