package dev.backman.cli.wiring;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.RepositoryLocked;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.filesystem.lock.HostName;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write lock of a repository in object storage (S3), in two layers. First this machine's lock (an OS file lock
 * in the per-user data directory), which excludes writers on this machine and is dropped by the OS when its process
 * dies. Then a record {@code locks/<host>-<pid>-<random>.json} in the repository, for writers on other machines:
 * write your record, then list {@code locks/}; if any other record is there, remove yours, wait a random moment and
 * try again. With strongly consistent listings (AWS S3, S3Proxy, MinIO) two writers can never both see only their
 * own record, so at most one proceeds (both may back off, then retry). Records of processes of this machine that
 * have ended are removed; those of another machine stay until their writer removes them, or {@code unlock --force}.
 */
final class ObjectStoreLock implements RepositoryLock {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreLock.class);
    private static final long MIN_PAUSE_MILLIS = 100;
    private static final long MAX_PAUSE_MILLIS = 600;

    private final RepositoryLock local;
    private final LockRecords records;
    private final Clock clock;
    private final String host = HostName.local();
    private final long pid = ProcessHandle.current().pid();

    ObjectStoreLock(RepositoryLock local, LockRecords records, Clock clock) {
        this.local = local;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Held acquire(String operation, Duration wait) {
        long deadline = System.nanoTime() + nanos(wait);
        Held machine = local.acquire(operation, wait);
        try {
            String key = claim(operation, deadline);
            return () -> release(key, machine);
        } catch (RuntimeException | Error e) {
            machine.close();
            throw e;
        }
    }

    private String claim(String operation, long deadline) {
        String key = RepositoryLayout.LOCKS + host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ".json";
        LockRecord mine = new LockRecord(host, pid, operation,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        while (true) {
            records.write(key, mine);
            List<LockRecord> others = others(key);
            if (others.isEmpty()) {
                return key;
            }
            records.delete(key);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                LockRecord holder = others.get(0);
                throw new RepositoryLocked(records.location(), holder.describe()
                        + (holder.host().equals(host) ? "" : ", a writer on another machine"));
            }
            pause(remaining);
        }
    }

    /** The live records other than {@code mine}; stale records of this machine are removed. */
    private List<LockRecord> others(String mine) {
        List<LockRecord> live = new ArrayList<>();
        for (Map.Entry<String, LockRecord> record : records.allBut(mine).entrySet()) {
            if (record.getValue().staleOn(host, pid)) {
                LOG.debug("removing the stale lock record {}", record.getKey());
                records.delete(record.getKey());
            } else {
                live.add(record.getValue());
            }
        }
        return live;
    }

    private void release(String key, Held machine) {
        try {
            records.delete(key);
        } catch (BackupException e) {
            LOG.warn("could not remove the lock record {} from {}: {}; the next writer on this machine removes it, "
                    + "or run `backman unlock --force`", key, records.location(), e.getMessage());
        } finally {
            machine.close();
        }
    }

    private void pause(long remainingNanos) {
        long millis = ThreadLocalRandom.current().nextLong(MIN_PAUSE_MILLIS, MAX_PAUSE_MILLIS);
        try {
            Thread.sleep(Math.max(1, Math.min(millis, remainingNanos / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryLocked(records.location(), "another writer (interrupted while waiting)");
        }
    }

    private static long nanos(Duration wait) {
        try {
            return wait == null || wait.isNegative() ? 0 : wait.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
