package io.github.docstack.stack;

import io.github.docstack.engine.Healthcheck;
import java.time.Duration;

/**
 * Who decides that a starting service is ready, which sets how often the engine runs a service's check when its
 * manifest gives no {@code interval}. Each check is a process the engine starts in the container (about 0.15 s of
 * CPU through dockerd, containerd and runc), so a stack at rest pays for every one.
 */
public enum ReadinessGate {

    /**
     * up (and watch) run each service's check themselves while it starts, so the engine's checks only watch a
     * running service: every 2 minutes.
     */
    UP(Duration.ofMinutes(2)),

    /**
     * The engine's verdict gates each start, as in the Compose export ({@code condition: service_healthy}), whose
     * engine runs its first check one interval after start: every 30 s.
     */
    ENGINE(Healthcheck.DEFAULT_INTERVAL);

    private final Duration defaultInterval;

    ReadinessGate(Duration defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    /** The engine's interval for a check whose manifest names none. */
    public Duration defaultInterval() {
        return defaultInterval;
    }
}
