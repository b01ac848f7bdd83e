package dev.backman.cli;

import dev.backman.domain.port.RepositoryLock;
import dev.backman.filesystem.lock.LocalRepositoryLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a second JVM by {@link LockContentionTest}: holds a repository's lock, says so on stdout, and releases it
 * when its stdin closes.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        RepositoryLock lock = new LocalRepositoryLock(Path.of(args[0]));
        try (RepositoryLock.Held held = lock.acquire("test-holder", Duration.ZERO)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close stdin
            }
        }
    }
}
