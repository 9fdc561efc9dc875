package io.github.docstack.engine;

import java.time.Duration;
import java.util.List;

/**
 * A container healthcheck, as the engine runs it ({@code HEALTHCHECK CMD ...}).
 *
 * @param command     the check, in exec form; exit 0 means healthy
 * @param interval    time between checks
 * @param timeout     time one check may take
 * @param retries     consecutive failures before the container counts as unhealthy
 * @param startPeriod time after start during which failures do not count
 */
public record Healthcheck(List<String> command, Duration interval, Duration timeout, int retries, Duration startPeriod) {

    public Healthcheck {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a healthcheck needs a command");
        }
        command = List.copyOf(command);
    }

    /** A check run every {@code interval}, allowed {@code retries} failures, each check given 10 seconds. */
    public static Healthcheck of(List<String> command, Duration interval, int retries) {
        return new Healthcheck(command, interval, Duration.ofSeconds(10), retries, Duration.ZERO);
    }
}
