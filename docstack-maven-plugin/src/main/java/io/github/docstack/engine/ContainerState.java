package io.github.docstack.engine;

/**
 * A container's state as the engine reports it ({@code GET /containers/ID/json}).
 *
 * @param status          created, running, exited, ...
 * @param exitCode        exit code once exited
 * @param health          starting, healthy, unhealthy, or {@code none} when the container has no healthcheck
 * @param lastCheckOutput output of the latest healthcheck run, or empty
 * @param startedAt       when it last started, or null
 * @param finishedAt      when it last stopped, or null while it runs
 */
public record ContainerState(
        String status,
        int exitCode,
        String health,
        String lastCheckOutput,
        java.time.Instant startedAt,
        java.time.Instant finishedAt) {

    public static final String NO_HEALTHCHECK = "none";
    /** The health of a container the engine has not judged yet: its first check comes one interval after start. */
    public static final String STARTING = "starting";

    public boolean running() {
        return "running".equals(status);
    }

    public boolean healthy() {
        return "healthy".equals(health);
    }

    /** True once waiting longer cannot make the container healthy. */
    public boolean hopeless() {
        return "unhealthy".equals(health)
                || "exited".equals(status)
                || "dead".equals(status)
                || NO_HEALTHCHECK.equals(health);
    }

    @Override
    public String toString() {
        return running() ? status + ", " + health : status + " with code " + exitCode;
    }
}
