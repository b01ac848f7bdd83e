package dev.backman.domain.port;

import java.time.Duration;

/**
 * Exclusive write access to a repository, across threads and processes. A lock whose holder died is released or
 * taken over; a live holder makes {@link #acquire} wait up to {@code wait}, then fail with
 * {@link dev.backman.domain.error.RepositoryLocked} naming it (pid, host, since).
 */
public interface RepositoryLock {

    Held acquire(String operation, Duration wait);

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
