package dev.backman.filesystem.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.domain.error.RepositoryLocked;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.port.RepositoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LocalRepositoryLockTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:05:00Z"), ZoneOffset.ofHours(1));
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path repository;

    private LocalRepositoryLock newLock() {
        return new LocalRepositoryLock(repository, CLOCK);
    }

    private Path record() {
        return repository.resolve("locks/" + HostName.local() + "-" + PID + ".json");
    }

    @Test
    void holderRecordDescribesTheWriterWhileTheLockIsHeld() throws Exception {
        try (RepositoryLock.Held held = newLock().acquire("backup", Duration.ZERO)) {
            JsonNode json = new ObjectMapper().readTree(record().toFile());
            assertThat(json.get("pid").asLong()).isEqualTo(PID);
            assertThat(json.get("host").asText()).isEqualTo(HostName.local());
            assertThat(json.get("operation").asText()).isEqualTo("backup");
            assertThat(json.get("since").asText()).isEqualTo("2026-11-29T13:05:00+01:00");
        }
        assertThat(record()).doesNotExist();
        assertThat(repository.resolve("locks/repository.lock")).exists();
    }

    @Test
    void secondInstanceInTheSameJvmFailsNamingTheHolder() {
        try (RepositoryLock.Held held = newLock().acquire("backup", Duration.ZERO)) {
            assertThatThrownBy(() -> newLock().acquire("prune", Duration.ofMillis(200)))
                    .isInstanceOf(RepositoryLocked.class)
                    .hasMessage("repository " + repository + " is locked by pid " + PID + " on host "
                            + HostName.local() + ", backup since 2026-11-29T13:05:00+01:00; wait for it"
                            + " (--lock-wait), or if that process is gone run `backman unlock --force`");
        }
    }

    @Test
    void sameInstanceCannotBeAcquiredTwice() {
        LocalRepositoryLock lock = newLock();
        try (RepositoryLock.Held held = lock.acquire("backup", Duration.ZERO)) {
            assertThatThrownBy(() -> lock.acquire("backup", Duration.ZERO)).isInstanceOf(RepositoryLocked.class);
        }
        lock.acquire("backup", Duration.ZERO).close();
    }

    @Test
    void failingAfterTheWaitTakesAboutTheWait() {
        try (RepositoryLock.Held held = newLock().acquire("backup", Duration.ZERO)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> newLock().acquire("prune", Duration.ofMillis(400)))
                    .isInstanceOf(RepositoryLocked.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(
                    Duration.ofMillis(350), Duration.ofSeconds(5));
        }
    }

    @Test
    void waitingAcquireGetsTheLockOnceItIsReleased() throws Exception {
        RepositoryLock.Held first = newLock().acquire("backup", Duration.ZERO);
        CompletableFuture<RepositoryLock.Held> waiting =
                CompletableFuture.supplyAsync(() -> newLock().acquire("prune", Duration.ofSeconds(20)));
        Thread.sleep(250);
        assertThat(waiting).isNotDone();

        first.close(); // from another thread than the waiter's: allowed

        try (RepositoryLock.Held second = waiting.get(5, TimeUnit.SECONDS)) {
            assertThat(new ObjectMapper().readTree(record().toFile()).get("operation").asText()).isEqualTo("prune");
        }
    }

    @Test
    void closingTwiceReleasesOnce() {
        LocalRepositoryLock lock = newLock();
        RepositoryLock.Held first = lock.acquire("backup", Duration.ZERO);
        first.close();
        RepositoryLock.Held second = lock.acquire("backup", Duration.ZERO);

        first.close(); // must not release the second holder

        assertThatThrownBy(() -> newLock().acquire("prune", Duration.ZERO)).isInstanceOf(RepositoryLocked.class);
        second.close();
    }

    @Test
    void threadsAndInstancesNeverHoldTheLockTogether() throws Exception {
        LocalRepositoryLock shared = newLock();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                LocalRepositoryLock lock = t % 2 == 0 ? shared : newLock();
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        try (RepositoryLock.Held held = lock.acquire("backup", Duration.ofSeconds(30))) {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            entries.incrementAndGet();
                            Thread.sleep(5);
                            inside.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(entries).hasValue(20);
        assertThat(maxInside).hasValue(1);
    }

    @Test
    void recordsLeftByDeadWritersAreRemovedWhenTheLockIsTaken() throws Exception {
        Path locks = Files.createDirectories(repository.resolve("locks"));
        Files.writeString(locks.resolve("other-host-4242.json"),
                "{\"pid\":4242,\"host\":\"other-host\",\"operation\":\"backup\",\"since\":\"2026-01-01T00:00:00Z\"}");
        Files.createFile(locks.resolve(HostName.local() + "-" + Integer.MAX_VALUE + "-12345.jvm"));

        try (RepositoryLock.Held held = newLock().acquire("backup", Duration.ZERO)) {
            try (Stream<Path> files = Files.list(locks)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("repository.lock", record().getFileName().toString(),
                                HostName.local() + "-" + PID + "-" + ProcessIdentity.current().startMillis() + ".jvm");
            }
        }
    }

    @Test
    void unlockRemovesTheRecordsOfDeadWritersAndSaysWhoseTheyWere() throws Exception {
        Path locks = Files.createDirectories(repository.resolve("locks"));
        Files.writeString(locks.resolve("other-host-4242.json"),
                "{\"pid\":4242,\"host\":\"other-host\",\"operation\":\"prune\",\"since\":\"2026-01-01T00:00:00Z\"}");
        Files.writeString(locks.resolve("garbled-1.json"), "{not json");
        Files.writeString(locks.resolve("this-host-77.json.tmp"), "{\"pid\":77"); // its writer died mid-write

        List<String> removed = newLock().removeStaleRecords();

        assertThat(removed).containsExactlyInAnyOrder(
                "pid 4242 on host other-host, prune since 2026-01-01T00:00:00Z",
                "an unreadable lock record garbled-1.json");
        try (Stream<Path> files = Files.list(locks)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("repository.lock");
        }
        assertThat(newLock().removeStaleRecords()).as("nothing left the second time").isEmpty();
    }

    @Test
    void unlockCannotBreakTheLockOfALiveHolderAndSaysSo() {
        try (RepositoryLock.Held held = newLock().acquire("backup", Duration.ZERO)) {
            assertThatThrownBy(() -> newLock().removeStaleRecords())
                    .isInstanceOf(RepositoryLocked.class)
                    .hasMessageContaining("pid " + PID)
                    .hasMessageContaining("unlock cannot break")
                    .hasMessageNotContaining("unlock --force");
            assertThat(record()).as("the live holder's record stays").exists();
        }
    }

    @Test
    void theRepositoryDirectoryIsCreatedWhenMissing() {
        Path missing = repository.resolve("new/repo");

        new LocalRepositoryLock(missing).acquire("init", Duration.ZERO).close();

        assertThat(missing.resolve("locks/repository.lock")).exists();
    }

    @Test
    void unusableLockDirectoryIsAStorageFailureNamingTheProblem() throws Exception {
        Path file = Files.writeString(repository.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> new LocalRepositoryLock(file).acquire("backup", Duration.ZERO))
                .isInstanceOf(StorageFailure.class)
                .hasMessageStartingWith("storage " + file + ": cannot lock the repository: ")
                .hasMessageContaining("Not a directory");
    }

    @Test
    void interruptedWaitFailsAndKeepsTheInterrupt() throws Exception {
        try (RepositoryLock.Held held = newLock().acquire("backup", Duration.ZERO)) {
            CompletableFuture<Boolean> interrupted = CompletableFuture.supplyAsync(() -> {
                Thread.currentThread().interrupt();
                try {
                    newLock().acquire("prune", Duration.ofSeconds(30));
                    return false;
                } catch (RepositoryLocked e) {
                    return e.getMessage().contains("interrupted") && Thread.interrupted();
                }
            });
            assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
