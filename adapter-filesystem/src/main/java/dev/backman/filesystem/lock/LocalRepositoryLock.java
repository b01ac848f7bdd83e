package dev.backman.filesystem.lock;

import dev.backman.domain.error.RepositoryLocked;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.filesystem.storage.StorageFailures;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write lock of a repository on a local or network file system: an OS lock on
 * {@code <root>/locks/repository.lock}, which the OS drops when its process dies (so a dead writer's lock is taken
 * over without {@code unlock --force}: the next writer removes its record and logs that it took over), plus a record
 * {@code <host>-<pid>.json} naming the holder for error messages. Threads and instances of one JVM exclude each other through a per-JVM guard file, because opening and
 * closing a second channel on the lock file would silently release the first one's lock. Thread-safe.
 */
public final class LocalRepositoryLock implements RepositoryLock {
    static final Duration POLL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(LocalRepositoryLock.class);

    private final String location;
    private final LockDirectory directory;
    private final ProcessIdentity self;
    private final Clock clock;
    private final StorageFailures failures;

    /**
     * The lock of the repository in {@code repositoryRoot} ({@code locks/} below it), stamping records with the system
     * clock.
     *
     * @param repositoryRoot the repository's directory
     */
    public LocalRepositoryLock(Path repositoryRoot) {
        this(repositoryRoot, Clock.systemDefaultZone());
    }

    /**
     * Uses {@code clock} for the "since" of lock records.
     *
     * @param repositoryRoot the repository's directory
     * @param clock          the time source
     */
    public LocalRepositoryLock(Path repositoryRoot, Clock clock) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        this.location = root.toString();
        this.self = ProcessIdentity.current();
        this.directory = new LockDirectory(root.resolve("locks"), self);
        this.clock = clock;
        this.failures = new StorageFailures(location);
    }

    @Override
    public Held acquire(String operation, Duration wait) {
        Taken taken = take(operation, wait);
        for (String holder : taken.stale()) {
            LOG.info("took over the lock of {}: its holder ({}) is gone", location, holder);
        }
        LOG.debug("locked {} for {}", location, operation);
        return taken.held();
    }

    /**
     * For {@code unlock --force}: removes the lock records (and JVM guards) that writers which are gone left in
     * {@code locks/}, and returns who the records named. A live holder's lock is the OS's and cannot be broken:
     * while another process holds it, this fails with {@link RepositoryLocked} naming it.
     *
     * @return who the removed records named (host, pid, operation, since)
     * @throws RepositoryLocked a live process holds the lock
     */
    public List<String> removeStaleRecords() {
        Taken taken;
        try {
            taken = take("unlock", Duration.ZERO);
        } catch (RepositoryLocked e) {
            throw new RepositoryLocked(location, e.holder(), "that process is running and holds the lock through "
                    + "the operating system, which unlock cannot break: stop it, or let it finish");
        }
        taken.held().close();
        return taken.stale();
    }

    private Taken take(String operation, Duration wait) {
        Deadline deadline = new Deadline(wait);
        try {
            directory.create();
            while (!directory.claimGuard()) {
                pause(deadline); // another thread or instance of this JVM holds the lock
            }
        } catch (IOException e) {
            throw failures.of("cannot lock the repository", e);
        }
        try {
            return lockFile(operation, deadline);
        } catch (RuntimeException | Error e) {
            directory.releaseGuard();
            throw e;
        }
    }

    private Taken lockFile(String operation, Deadline deadline) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = tryLock(channel)) == null) {
                pause(deadline); // another process holds it
            }
            List<String> stale;
            try {
                stale = directory.removeStale();
                directory.writeRecord(new LockHolder(self.pid(), self.host(), operation, now()));
            } catch (IOException e) {
                directory.deleteRecord();
                throw e;
            }
            return new Taken(new HeldRepositoryLock(directory, channel, lock), stale);
        } catch (IOException e) {
            closeQuietly(channel);
            throw failures.of("cannot lock the repository", e);
        } catch (RuntimeException | Error e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held in this JVM by code that bypassed the guard: wait for it like for a process
        }
    }

    private void pause(Deadline deadline) {
        long remaining = deadline.remainingNanos();
        if (remaining <= 0) {
            throw locked("");
        }
        try {
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), remaining / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw locked(" (interrupted while waiting)");
        }
    }

    private RepositoryLocked locked(String note) {
        String holder = directory.currentHolder().map(LockHolder::describe)
                .orElse("another process (it has not written its record in locks/ yet)");
        return new RepositoryLocked(location, holder + note);
    }

    private String now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken, nothing to release
            }
        }
    }

    /** A lock just taken, and who the records of dead holders it removed named. */
    private record Taken(Held held, List<String> stale) {
    }

    /** When waiting ends; a wait too long to count in nanoseconds is treated as forever. */
    private static final class Deadline {
        private final long start = System.nanoTime();
        private final long waitNanos;

        Deadline(Duration wait) {
            long nanos;
            try {
                nanos = wait == null || wait.isNegative() ? 0 : wait.toNanos();
            } catch (ArithmeticException e) {
                nanos = Long.MAX_VALUE;
            }
            this.waitNanos = nanos;
        }

        long remainingNanos() {
            return waitNanos - (System.nanoTime() - start);
        }
    }
}
