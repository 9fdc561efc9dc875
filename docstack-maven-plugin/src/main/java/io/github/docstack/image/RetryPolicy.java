package io.github.docstack.image;

import java.time.Duration;

/**
 * How often to try a registry operation that failed for a passing reason, and how long to wait between tries:
 * {@code firstWait}, then doubling, never more than {@code maxWait}.
 */
public record RetryPolicy(int attempts, Duration firstWait, Duration maxWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
    }

    /** The wait after failed attempt {@code attempt} (counted from 1). */
    public Duration waitAfter(int attempt) {
        Duration wait = firstWait.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
