package io.github.docstack.stack;

import io.github.docstack.engine.ContainerNotHealthyException;
import io.github.docstack.engine.ContainerState;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import java.time.Duration;
import java.util.OptionalInt;

/** Waiting for a service that has just (re)started to be ready: up after it starts one, watch after a restart. */
final class ServiceReadiness {

    private ServiceReadiness() {
    }

    /**
     * Runs the service's check in its container every readiness interval until it passes, rather than waiting for
     * the engine's own schedule, which is slow so that a stack at rest stays quiet.
     *
     * @throws ContainerNotHealthyException when the container stops, or the check still fails after {@code timeout}
     */
    static void await(Engine engine, Deployment.Unit unit, String id, Duration timeout) throws EngineException, InterruptedException {
        Readiness readiness = unit.readiness();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long checkStarted = System.nanoTime();
            ContainerState state = engine.inspect(id);
            if (!state.running()) {
                throw new ContainerNotHealthyException("Service " + unit.id() + " exited with code " + state.exitCode()
                        + " before it was ready. See more with: docker logs " + unit.spec().name(), state, engine.lastLogLines(id, 40));
            }
            OptionalInt check;
            try {
                check = engine.exec(id, readiness.command(), readiness.timeout());
            } catch (EngineException execFailed) {
                // The container stopped (or restarted) between the inspect and the exec: the next inspect says which.
                check = OptionalInt.empty();
            }
            if (check.isPresent() && check.getAsInt() == 0) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                String verdict = check.isPresent() ? "exits with code " + check.getAsInt()
                        : "does not finish within " + readiness.timeout().toSeconds() + " s";
                throw new ContainerNotHealthyException("Service " + unit.id() + " was not ready after " + timeout.toSeconds()
                        + " s: its check " + String.join(" ", readiness.command()) + " " + verdict + ". See more with: docker logs "
                        + unit.spec().name(), state, engine.lastLogLines(id, 40));
            }
            long untilNext = readiness.interval().toNanos() - (System.nanoTime() - checkStarted);
            if (untilNext > 0) {
                Thread.sleep(untilNext / 1_000_000, (int) (untilNext % 1_000_000));
            }
        }
    }
}
