package io.github.docstack.stack;

import io.github.docstack.engine.ContainerNotHealthyException;
import io.github.docstack.engine.ContainerState;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.Healthcheck;
import java.time.Duration;
import java.util.OptionalInt;

/** Waiting for a service that has just (re)started to be ready: up after it starts one, watch after a restart. */
final class ServiceReadiness {

    /** How often up reads the engine's verdict when it watches that rather than running the check itself. */
    private static final Duration VERDICT_POLL = Duration.ofMillis(100);

    private ServiceReadiness() {}

    /**
     * Runs the service's check in its container every readiness interval until it passes, rather than waiting for
     * the engine's own schedule, which is slow so that a stack at rest stays quiet.
     *
     * @throws ContainerNotHealthyException when the container stops, or the check still fails after {@code timeout}
     */
    static void await(
            Engine engine, CheckSlots slots, CheckPace pace, Deployment.Unit unit, String id, Duration timeout)
            throws EngineException, InterruptedException {
        await(engine, slots, pace, unit, id, timeout, false, true);
    }

    /**
     * Waiting for a service whose container was just started, so the engine's verdict on it starts afresh and
     * counts too (a Swarm task on another node, where up cannot look, has only that): when the engine runs the same
     * check at least as often, up reads that verdict rather than running the check itself.
     */
    static void awaitStarted(
            Engine engine, CheckSlots slots, CheckPace pace, Deployment.Unit unit, String id, Duration timeout)
            throws EngineException, InterruptedException {
        await(engine, slots, pace, unit, id, timeout, true, !engineChecksAsOften(unit));
    }

    /**
     * Whether the engine runs the same check at least as often as docstack would: then a second copy of it, in
     * processes of its own, only takes CPU from the services starting beside it, and the engine's verdict is as fresh.
     */
    static boolean engineChecksAsOften(Deployment.Unit unit) {
        Healthcheck check = unit.spec().healthcheck();
        return check != null
                && check.command().equals(unit.readiness().command())
                && check.interval().compareTo(unit.readiness().interval()) <= 0;
    }

    /**
     * @param freshVerdict whether the engine's own verdict is about this start, so "healthy" from it counts
     * @param runCheck     whether up runs the check itself, at the pace's interval; else it reads the engine's
     *                     verdict (an inspect, no process in the container) each {@link #VERDICT_POLL}
     */
    private static void await(
            Engine engine,
            CheckSlots slots,
            CheckPace pace,
            Deployment.Unit unit,
            String id,
            Duration timeout,
            boolean freshVerdict,
            boolean runCheck)
            throws EngineException, InterruptedException {
        Readiness readiness = unit.readiness();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long checkStarted = System.nanoTime();
            ContainerState state = engine.inspect(id);
            if (!state.running()) {
                throw new ContainerNotHealthyException(
                        "Service " + unit.id() + " exited with code " + state.exitCode()
                                + " before it was ready. See more with: docker logs "
                                + unit.spec().name(),
                        state,
                        engine.lastLogLines(id, 40));
            }
            if (freshVerdict && state.healthy()) {
                return;
            }
            // The engine runs no check of it after all (a Swarm's service on the manager's node has none): up checks
            // it.
            runCheck |= ContainerState.NO_HEALTHCHECK.equals(state.health());
            OptionalInt check = OptionalInt.empty();
            if (runCheck) {
                try {
                    check = slots.run(() -> engine.exec(id, readiness.command(), readiness.timeout()));
                } catch (EngineException execFailed) {
                    // The container stopped (or restarted) between the inspect and the exec: the next inspect says
                    // which.
                }
                if (check.isPresent() && check.getAsInt() == 0) {
                    return;
                }
            }
            if (System.nanoTime() >= deadline) {
                String verdict = !runCheck
                        ? "is " + state.health()
                                + (state.lastCheckOutput().isBlank()
                                        ? ""
                                        : " (" + state.lastCheckOutput().strip() + ")")
                        : check.isPresent()
                                ? "exits with code " + check.getAsInt()
                                : "does not finish within "
                                        + readiness.timeout().toSeconds() + " s";
                throw new ContainerNotHealthyException(
                        "Service " + unit.id() + " was not ready after " + timeout.toSeconds()
                                + " s: its check " + String.join(" ", readiness.command()) + " " + verdict
                                + ". See more with: docker logs "
                                + unit.spec().name(),
                        state,
                        engine.lastLogLines(id, 40));
            }
            Duration sinceCheck = Duration.ofNanos(System.nanoTime() - checkStarted);
            if (runCheck) {
                pace.awaitNextCheck(unit, readiness.interval(), sinceCheck);
            } else {
                long untilNext =
                        Math.min(VERDICT_POLL.toNanos(), readiness.interval().toNanos()) - sinceCheck.toNanos();
                if (untilNext > 0) {
                    Thread.sleep(untilNext / 1_000_000, (int) (untilNext % 1_000_000));
                }
            }
        }
    }
}
