package dev.backman.application;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** How a schedule waits between looks at the clock. Tests give one that moves a fake clock instead. */
interface Sleeper {

    /** Waits up to {@code duration}; returns early once {@link #wake()} was called. */
    void sleep(Duration duration) throws InterruptedException;

    /** Ends the current wait and every later one at once (the schedule is stopping). */
    void wake();

    /** A real wait, on a latch that {@link #wake()} opens. */
    static Sleeper wakeable() {
        CountDownLatch woken = new CountDownLatch(1);
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) throws InterruptedException {
                woken.await(Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS);
            }

            @Override
            public void wake() {
                woken.countDown();
            }
        };
    }
}
