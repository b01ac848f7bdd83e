package dev.backman.filesystem.lock;

import dev.backman.domain.port.RepositoryLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A held repository lock; may be closed from any thread, more than once. */
final class HeldRepositoryLock implements RepositoryLock.Held {
    private static final Logger LOG = LoggerFactory.getLogger(HeldRepositoryLock.class);

    private final LockDirectory directory;
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    HeldRepositoryLock(LockDirectory directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // the record goes first: it must never outlive the OS lock it describes
        directory.deleteRecord();
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("cannot release the lock on {}; closing the file releases it", directory.lockFile(), e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("cannot close {}", directory.lockFile(), e);
        }
        // only now may another instance of this JVM open the lock file (closing a second channel on it would
        // drop our OS lock: POSIX releases all of a process's locks on a file when any descriptor closes)
        directory.releaseGuard();
    }
}
