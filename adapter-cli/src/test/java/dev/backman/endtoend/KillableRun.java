package dev.backman.endtoend;

import dev.backman.cli.ChildJvm;
import dev.backman.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@code backman} command line in a child JVM, run with {@code -v}, killed with SIGKILL
 * ({@link Process#destroyForcibly()}) a chosen time after a marker appears in its log (e.g. the lock being taken),
 * so that the kill lands while the command works rather than while the JVM starts. The kill is timed on a thread
 * of its own, so the caller may do other work meanwhile.
 */
final class KillableRun {
    private static final long NEVER = Long.MAX_VALUE / 4;
    private final Process process;
    private final String marker;
    private final CompletableFuture<Long> markedAt = new CompletableFuture<>();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final StringBuffer log = new StringBuffer();
    private final Thread reader;

    private KillableRun(Process process, String marker, long delayMillis) {
        this.process = process;
        this.marker = marker;
        this.reader = daemon("backman-child-log", this::readLog);
        daemon("backman-child-killer", () -> {
            try {
                outcome.complete(killAfter(delayMillis));
            } catch (Exception | Error e) {
                process.destroyForcibly();
                outcome.completeExceptionally(e);
            }
        });
    }

    /**
     * Starts {@code backman -v args} in {@code workDir} and kills it {@code delayMillis} after the log shows
     * {@code marker}, unless it ends first. A process that ends without the marker (it failed early) is not killed.
     */
    static KillableRun start(Path workDir, String marker, long delayMillis, String... args) {
        List<String> command = new ArrayList<>(List.of("-v"));
        command.addAll(List.of(args));
        try {
            Process process = ChildJvm.of(workDir, Main.class, command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new KillableRun(process, marker, delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code backman -v args} and lets it run to its end. */
    static KillableRun unkilled(Path workDir, String marker, String... args) {
        return start(workDir, marker, NEVER, args);
    }

    /** Waits until the process ended (killed or not). */
    Outcome outcome() throws Exception {
        return outcome.get(120, TimeUnit.SECONDS);
    }

    private Outcome killAfter(long delayMillis) throws Exception {
        Long marked = waitForMarker();
        boolean ended = marked == null || process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child did not end: " + log);
        }
        reader.join(10_000);
        long workMillis = marked == null ? -1 : (System.nanoTime() - marked) / 1_000_000;
        return new Outcome(!ended, ended ? process.exitValue() : -9, workMillis, marked != null, log.toString());
    }

    private Long waitForMarker() throws Exception {
        while (true) {
            try {
                return markedAt.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    reader.join(10_000);
                    return markedAt.getNow(null);
                }
            }
        }
    }

    private void readLog() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (!markedAt.isDone() && line.contains(marker)) {
                    markedAt.complete(System.nanoTime());
                }
                log.append(line).append('\n');
            }
        } catch (IOException e) {
            log.append("(log unreadable: ").append(e).append(")\n");
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * What the run did.
     *
     * @param killed     whether the kill came before the process ended
     * @param exitCode   the exit code when it ended by itself; -9 when killed
     * @param workMillis time from the marker to the end (or to the kill); -1 when the marker never came
     * @param marked     whether the marker appeared
     * @param log        what it wrote on stderr
     */
    record Outcome(boolean killed, int exitCode, long workMillis, boolean marked, String log) {
    }
}
