package dev.backman.filesystem.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.RepositoryLocked;
import dev.backman.domain.port.RepositoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Contention with a second JVM, as between two `backman` commands. */
@Timeout(90)
class LocalRepositoryLockCrossProcessTest {
    @TempDir
    Path dir;

    private Path repository() {
        return dir.resolve("repo");
    }

    @Test
    void lockHeldByAnotherProcessFailsNamingItsPidAndHost() throws Exception {
        try (LockProcess holder = LockProcess.start("hold", repository(), dir)) {
            assertThat(holder.firstLine()).isEqualTo("LOCKED");

            assertThatThrownBy(() -> new LocalRepositoryLock(repository()).acquire("prune", Duration.ofMillis(250)))
                    .isInstanceOf(RepositoryLocked.class)
                    .hasMessageContaining("is locked by pid " + holder.pid() + " on host " + HostName.local()
                            + ", backup since ")
                    .hasMessageContaining(repository().toString());
        }
    }

    @Test
    void waitingAcquireTakesOverTheLockOfAKilledHolder() throws Exception {
        LocalRepositoryLock lock = new LocalRepositoryLock(repository());
        try (LockProcess holder = LockProcess.start("hold", repository(), dir)) {
            assertThat(holder.firstLine()).isEqualTo("LOCKED");
            Path childRecord = repository().resolve("locks/" + HostName.local() + "-" + holder.pid() + ".json");
            assertThat(childRecord).exists();

            CompletableFuture<RepositoryLock.Held> waiting =
                    CompletableFuture.supplyAsync(() -> lock.acquire("backup", Duration.ofSeconds(30)));
            Thread.sleep(300);
            assertThat(waiting).as("still waiting while the holder lives").isNotDone();

            holder.kill(); // like kill -9: no clean-up runs in the holder

            try (RepositoryLock.Held held = waiting.get(10, TimeUnit.SECONDS)) {
                assertThat(childRecord).as("the dead holder's record is removed").doesNotExist();
                assertThat(repository().resolve("locks/" + HostName.local() + "-" + ProcessHandle.current().pid()
                        + ".json")).exists();
            }
        }
    }

    @Test
    void theRecordOfAHolderKilledWithSigkillIsReportedAndRemovedByUnlockAndTheLockIsFree() throws Exception {
        Path childRecord;
        long childPid;
        try (LockProcess holder = LockProcess.start("hold", repository(), dir)) {
            assertThat(holder.firstLine()).isEqualTo("LOCKED");
            childPid = holder.pid();
            childRecord = repository().resolve("locks/" + HostName.local() + "-" + childPid + ".json");
            holder.kill(); // SIGKILL: the OS lock goes with the process, its record stays behind
        }
        assertThat(childRecord).as("left behind by the killed holder").exists();

        assertThat(new LocalRepositoryLock(repository()).removeStaleRecords()).singleElement().asString()
                .startsWith("pid " + childPid + " on host " + HostName.local() + ", backup since ");
        assertThat(childRecord).doesNotExist();
        new LocalRepositoryLock(repository()).acquire("backup", Duration.ZERO).close();
    }

    @Test
    void unlockRefusesWhileAnotherLiveProcessHoldsTheLock() throws Exception {
        try (LockProcess holder = LockProcess.start("hold", repository(), dir)) {
            assertThat(holder.firstLine()).isEqualTo("LOCKED");

            assertThatThrownBy(() -> new LocalRepositoryLock(repository()).removeStaleRecords())
                    .isInstanceOf(RepositoryLocked.class)
                    .hasMessageContaining("pid " + holder.pid())
                    .hasMessageContaining("unlock cannot break");
            assertThat(repository().resolve("locks/" + HostName.local() + "-" + holder.pid() + ".json")).exists();
        }
    }

    @Test
    void anotherProcessCannotLockWhileThisOneHolds() throws Exception {
        try (RepositoryLock.Held held = new LocalRepositoryLock(repository()).acquire("backup", Duration.ZERO)) {
            try (LockProcess other = LockProcess.start("try", repository(), dir)) {
                assertThat(other.firstLine()).startsWith("BUSY ")
                        .contains("pid " + ProcessHandle.current().pid() + " on host " + HostName.local());
            }
        }
        try (LockProcess other = LockProcess.start("try", repository(), dir)) {
            assertThat(other.firstLine()).as("released on close").isEqualTo("LOCKED");
        }
    }

    @Test
    void aFailedAttemptInThisJvmDoesNotReleaseTheHolder() throws Exception {
        try (RepositoryLock.Held held = new LocalRepositoryLock(repository()).acquire("backup", Duration.ZERO)) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> new LocalRepositoryLock(repository()).acquire("prune", Duration.ofMillis(50)))
                        .isInstanceOf(RepositoryLocked.class);
            }
            // POSIX drops all of a process's locks on a file when any descriptor of it closes: the failed
            // attempts above must not have opened (and closed) the lock file
            try (LockProcess other = LockProcess.start("try", repository(), dir)) {
                assertThat(other.firstLine()).startsWith("BUSY ");
            }
        }
        assertThat(Files.list(repository().resolve("locks")).map(p -> p.getFileName().toString()))
                .containsExactly("repository.lock");
    }
}
