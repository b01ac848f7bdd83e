package dev.backman.application;

import dev.backman.domain.model.SourceRoot;
import dev.backman.domain.port.ScanResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A scan of the sources started on its own thread before the repository is locked and opened, so the two overlap:
 * opening an encrypted repository derives its key with Argon2id (about a second), opening any repository reads its
 * catalog, and scanning a large tree takes as long. Scanning reads only the sources, never the repository. A scan
 * that started long before the backup could begin (it waited for another writer's lock) is not trusted: the backup
 * scans again.
 */
final class EarlyScan {
    static final Duration FRESH = Duration.ofSeconds(5);

    private final List<SourceRoot> roots;
    private final CompletableFuture<ScanResult> result;
    private final Clock clock;
    private final Instant started;

    private EarlyScan(List<SourceRoot> roots, Function<List<SourceRoot>, ScanResult> scan, Clock clock) {
        this.roots = roots;
        this.clock = clock;
        this.started = clock.instant();
        this.result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(scan.apply(roots));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "backman-scan");
        thread.setDaemon(true); // a backup that fails to open its repository does not wait for the scan
        thread.start();
    }

    /** Starts scanning {@code roots} with {@code scan} on a new thread. */
    static EarlyScan start(List<SourceRoot> roots, Function<List<SourceRoot>, ScanResult> scan, Clock clock) {
        return new EarlyScan(roots, scan, clock);
    }

    List<SourceRoot> roots() {
        return roots;
    }

    /** True when the scan started recently enough, as the backup begins, to describe the sources now. */
    boolean fresh() {
        return Duration.between(started, clock.instant()).compareTo(FRESH) <= 0;
    }

    /** Waits for the scan; its failure is thrown as it was. */
    ScanResult result() {
        return Completion.join(result);
    }
}
