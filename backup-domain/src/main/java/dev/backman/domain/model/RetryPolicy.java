package dev.backman.domain.model;

import dev.backman.domain.error.InvalidConfiguration;
import java.time.Duration;
import java.util.Objects;

/**
 * How a scheduled backup that failed is retried: up to {@code times} more attempts, each {@code after} the previous
 * attempt ended. A retry that would start at or after the next regular run is left out: the regular run takes its
 * place.
 *
 * @param times attempts after the first one, 0 or more (0: no retry)
 * @param after the wait between a failed attempt's end and the next attempt, 0 or more
 */
public record RetryPolicy(int times, Duration after) {
    /** Two retries, five minutes apart: rides out a lock held by another writer or a short network outage. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMinutes(5));
    /** No retry: a failed run waits for the next regular run. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO);

    /**
     * Checks the values.
     *
     * @param times attempts after the first one
     * @param after the wait before each
     * @throws InvalidConfiguration naming {@code retry.times} or {@code retry.after}: a negative value
     */
    public RetryPolicy {
        Objects.requireNonNull(after, "after");
        if (times < 0) {
            throw new InvalidConfiguration("retry.times", "must be 0 or more, got " + times);
        }
        if (after.isNegative()) {
            throw new InvalidConfiguration("retry.after", "must be 0 or more, got " + IntervalText.of(after));
        }
    }

    /**
     * The same policy with another number of retries.
     *
     * @param value retries after the first attempt
     * @return the new policy
     */
    public RetryPolicy withTimes(int value) {
        return new RetryPolicy(value, after);
    }

    /**
     * The same policy with another wait.
     *
     * @param value the wait between a failed attempt and the next
     * @return the new policy
     */
    public RetryPolicy withAfter(Duration value) {
        return new RetryPolicy(times, value);
    }

    /**
     * The policy for people.
     *
     * @return {@code no retry}, {@code 1 retry after 5m} or {@code 2 retries, 5m apart}
     */
    public String describe() {
        if (times == 0) {
            return "no retry";
        }
        return times == 1 ? "1 retry after " + IntervalText.of(after)
                : times + " retries, " + IntervalText.of(after) + " apart";
    }
}
