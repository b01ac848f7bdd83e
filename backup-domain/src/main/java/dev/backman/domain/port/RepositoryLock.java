package dev.backman.domain.port;

import java.time.Duration;

/**
 * Exclusive write access to a repository, across threads and processes. A lock whose holder died is released or
 * taken over; a live holder makes {@link #acquire} wait up to {@code wait}, then fail with
 * {@link dev.backman.domain.error.RepositoryLocked} naming it (pid, host, since).
 */
public interface RepositoryLock {

    /**
     * Takes the lock for {@code operation}, waiting up to {@code wait} for another holder.
     *
     * @param operation what the holder does (e.g. {@code backup}), recorded for others to see
     * @param wait      how long to wait for a live holder; zero fails at once
     * @return the held lock; close it to release it
     * @throws dev.backman.domain.error.RepositoryLocked another live writer holds it
     */
    Held acquire(String operation, Duration wait);

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
