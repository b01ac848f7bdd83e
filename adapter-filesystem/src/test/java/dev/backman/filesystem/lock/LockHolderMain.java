package dev.backman.filesystem.lock;

import dev.backman.domain.error.RepositoryLocked;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process for {@link LocalRepositoryLockCrossProcessTest}. {@code hold ROOT}: takes the lock, prints
 * {@code LOCKED}, and keeps it until killed or until its parent goes away (stdin closes). {@code try ROOT}: prints
 * {@code LOCKED} or {@code BUSY <message>} and exits.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        LocalRepositoryLock lock = new LocalRepositoryLock(Path.of(args[1]));
        try (var held = lock.acquire("backup", Duration.ZERO)) {
            System.out.println("LOCKED");
            System.out.flush();
            if (args[0].equals("hold")) {
                while (System.in.read() >= 0) {
                    // wait for the parent to go away
                }
            }
        } catch (RepositoryLocked e) {
            System.out.println("BUSY " + e.getMessage());
        }
        System.out.flush();
    }
}
