package dev.backman.domain.error;

/** Another writer holds the repository's lock. */
public final class RepositoryLocked extends BackupException {
    /** Who holds the lock. */
    private final String holder;

    /**
     * A repository locked by another writer, with the usual advice (wait, or unlock).
     *
     * @param location the repository's location
     * @param holder   who holds the lock (host, pid, operation, since)
     */
    public RepositoryLocked(String location, String holder) {
        this(location, holder, "wait for it (--lock-wait), or if that process is gone run `backman unlock --force`");
    }

    /**
     * A repository locked by another writer, with {@code advice} in place of the usual advice.
     *
     * @param location the repository's location
     * @param holder   who holds the lock
     * @param advice   what to do
     */
    public RepositoryLocked(String location, String holder, String advice) {
        super("repository " + location + " is locked by " + holder + "; " + advice);
        this.holder = holder;
    }

    /**
     * Who holds the lock.
     *
     * @return host, pid, operation and since, as the lock record says
     */
    public String holder() {
        return holder;
    }
}
