package io.github.docstack.engine;

import java.time.Duration;
import java.util.List;

/**
 * A container healthcheck. The engine runs it every {@code interval} for the container's whole life (liveness);
 * docstack runs the same command every {@code startInterval} while {@code up} waits for the service (readiness),
 * because the engine's own start interval needs Docker 25 and a fast steady interval keeps an idle stack busy.
 *
 * @param command       the check, in exec form; exit 0 means healthy
 * @param interval      time between the engine's checks, once the service runs
 * @param timeout       time one check may take
 * @param retries       consecutive failures before the container counts as unhealthy
 * @param startPeriod   time after start during which the engine's failed checks do not count
 * @param startInterval time between docstack's checks while up waits for the service
 */
public record Healthcheck(
        List<String> command,
        Duration interval,
        Duration timeout,
        int retries,
        Duration startPeriod,
        Duration startInterval) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofMillis(500);
    /** Long enough for a slow service (nova-api takes a minute on two cores) to start before failed checks count. */
    public static final Duration DEFAULT_START_PERIOD = Duration.ofMinutes(5);

    public Healthcheck {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a healthcheck needs a command");
        }
        command = List.copyOf(command);
    }

    /** A check run every {@code interval}, and as often while starting; allowed {@code retries} failures. */
    public static Healthcheck of(List<String> command, Duration interval, int retries) {
        return new Healthcheck(command, interval, DEFAULT_TIMEOUT, retries, Duration.ZERO, interval);
    }

    /**
     * The command an engine's {@code Healthcheck.Test} runs, to exec: {@code [CMD, args...]} is the args,
     * {@code [CMD-SHELL, line]} is the line run by {@code /bin/sh -c}; empty for {@code [NONE]}, or no test.
     */
    public static List<String> execForm(List<String> test) {
        if (test.size() >= 2 && test.get(0).equals("CMD")) {
            return List.copyOf(test.subList(1, test.size()));
        }
        if (test.size() == 2 && test.get(0).equals("CMD-SHELL")) {
            return List.of("/bin/sh", "-c", test.get(1));
        }
        return List.of();
    }

    /** A duration as Docker and Compose read it (Go's syntax), to the millisecond: {@code 1500ms}. */
    public static String goDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
