package dev.backman.cli.command;

import dev.backman.cli.ExitCodes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ends a foreground command cleanly when the process is asked to stop (SIGTERM, SIGINT/Ctrl-C, SIGHUP): a JVM
 * shutdown hook runs the stop action (which may wait for a running backup), waits until the command has closed what
 * it opened and printed its last words, then ends the process with exit 0, since a requested stop is not a failure
 * (the JVM would otherwise report the signal, 143 or 130). Further signals meanwhile change nothing; SIGKILL stops
 * at once, and the next run cleans up what that leaves.
 */
final class ShutdownStop implements AutoCloseable {
    private static final long FINISH_SECONDS = 60;
    private final Consumer<String> say;
    private final CountDownLatch finished = new CountDownLatch(1);
    private Thread hook;

    /** @param say tells the user what happens */
    ShutdownStop(Consumer<String> say) {
        this.say = say;
    }

    /** From now on, a request to stop the process runs {@code stop}. */
    void install(Runnable stop) {
        hook = new Thread(() -> {
            say.accept("stopping: a backup that is running finishes first");
            stop.run();
            try {
                finished.await(FINISH_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "backman-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has finished: a stop in progress may end the process now; otherwise the hook is removed. */
    @Override
    public void close() {
        finished.countDown();
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the process is stopping: the hook runs and ends it
        }
    }
}
