package dev.backman.domain.error;

/** Another writer holds the repository's lock. */
public final class RepositoryLocked extends BackupException {
    private final String holder;

    public RepositoryLocked(String location, String holder) {
        this(location, holder, "wait for it (--lock-wait), or if that process is gone run `backman unlock --force`");
    }

    /** As above, with {@code advice} in place of the usual advice (wait, or unlock). */
    public RepositoryLocked(String location, String holder, String advice) {
        super("repository " + location + " is locked by " + holder + "; " + advice);
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }
}
