package dev.backman.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A clock and a sleeper in one: sleeping moves the clock instead of waiting, so a schedule's days pass in
 * microseconds. The test sets the clock (a clock change), suspends the "machine" during the next sleep, and ends
 * the schedule once the clock passes a time.
 */
final class FakeTime extends Clock implements Sleeper {
    private final ZoneId zone;
    private volatile Instant now;
    private Duration suspend = Duration.ZERO;
    private ZonedDateTime end;
    private ScheduleRunner runner;
    private Duration longestSleep = Duration.ZERO;

    FakeTime(ZonedDateTime start) {
        this.zone = start.getZone();
        this.now = start.toInstant();
    }

    /** Stops {@code runner} when a sleep takes the clock to {@code end} or beyond. */
    FakeTime endAt(ZonedDateTime value, ScheduleRunner runnerToStop) {
        this.end = value;
        this.runner = runnerToStop;
        return this;
    }

    /** The next sleep lasts {@code duration} longer, as when the machine is suspended. */
    void suspendDuringNextSleep(Duration duration) {
        suspend = duration;
    }

    void set(ZonedDateTime time) {
        now = time.toInstant();
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    ZonedDateTime time() {
        return now.atZone(zone);
    }

    /** The longest single wait asked for. */
    Duration longestSleep() {
        return longestSleep;
    }

    @Override
    public void sleep(Duration duration) {
        longestSleep = duration.compareTo(longestSleep) > 0 ? duration : longestSleep;
        now = now.plus(duration).plus(suspend);
        suspend = Duration.ZERO;
        if (end != null && !time().isBefore(end)) {
            runner.stop();
        }
    }

    @Override
    public void wake() {
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
