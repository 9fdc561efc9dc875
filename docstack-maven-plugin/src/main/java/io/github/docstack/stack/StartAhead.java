package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The held containers of one up ({@link HeldStart}): each started ahead, on a thread of their own, once everything it
 * waits for runs its own command (or is done), and released when its turn comes. A unit whose turn comes before it
 * was started ahead is started then, and released at once.
 */
final class StartAhead implements AutoCloseable {

    private enum State {
        CREATED,
        STARTING,
        STARTED,
        /** The engine refused to start it ahead (and removed it): an image without /bin/sh, say. */
        FAILED,
        TAKEN
    }

    /** Creates a unit's container as it is when not held. */
    @FunctionalInterface
    interface Unheld {
        String create(Deployment.Unit unit) throws EngineException;
    }

    /** One held container; guarded by itself. */
    private static final class Held {
        final Deployment.Unit unit;
        final String containerId;
        State state = State.CREATED;
        long startedAt;

        Held(Deployment.Unit unit, String containerId) {
            this.unit = unit;
            this.containerId = containerId;
        }
    }

    private final Engine engine;
    private final EngineLog log;
    private final Unheld unheld;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> started = ConcurrentHashMap.newKeySet(); // running their command, or done
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "docstack-start-ahead");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param heldContainers unit id to the id of its created, held container
     * @param unheld         makes a unit's container again, not held, where starting it ahead failed
     */
    StartAhead(Engine engine, EngineLog log, Deployment deployment, Map<String, String> heldContainers, Unheld unheld) {
        this.engine = engine;
        this.log = log;
        this.unheld = unheld;
        for (Deployment.Unit unit : deployment.units()) {
            if (heldContainers.containsKey(unit.id())) {
                held.put(unit.id(), new Held(unit, heldContainers.get(unit.id())));
            }
        }
    }

    /**
     * Unit {@code id} runs its command (its turn came), or is done: each held unit whose every unit waited for has got
     * this far is started ahead now. One step ahead, not all at once: starting containers takes CPU, on a machine that
     * the units starting now need.
     */
    void started(String id) {
        if (!started.add(id)) {
            return;
        }
        for (Held each : held.values()) {
            if (each.unit.after().contains(id) && started.containsAll(each.unit.after())) {
                starter.execute(() -> startAhead(each));
            }
        }
    }

    /**
     * Starts a held container ahead, unless its turn came first. A step borrows the namespace of a service it waits
     * for, directly or through other steps: running by then, by the rule of {@link #started}.
     */
    private void startAhead(Held each) {
        synchronized (each) {
            if (each.state != State.CREATED) {
                return;
            }
            each.state = State.STARTING;
        }
        boolean ok = false;
        try {
            engine.start(each.containerId, each.unit.spec().image());
            ok = true;
        } catch (EngineException e) {
            log.debug("Starting " + each.unit.id() + " ahead failed; it is made again and started at its turn: "
                    + e.getMessage());
        } finally {
            synchronized (each) {
                each.state = ok ? State.STARTED : State.FAILED;
                each.startedAt = System.nanoTime();
                each.notifyAll();
            }
        }
    }

    /**
     * Starts {@code unit}'s created container, at its turn: a held one started ahead is released, one not yet started
     * is started and released, one the engine would not start ahead is made again, not held, and started; any other
     * is started.
     *
     * @return the container's id
     */
    String start(Deployment.Unit unit, String containerId) throws EngineException, InterruptedException {
        Held each = held.get(unit.id());
        if (each == null) {
            String id = engine.start(containerId, unit.spec().image());
            started(unit.id());
            return id;
        }
        long startedAt;
        synchronized (each) {
            while (each.state == State.STARTING) {
                each.wait();
            }
            State was = each.state;
            each.state = State.TAKEN;
            if (was == State.CREATED) {
                try {
                    engine.start(containerId, unit.spec().image());
                    each.startedAt = System.nanoTime();
                    was = State.STARTED;
                } catch (EngineException refused) {
                    was = State.FAILED; // the engine removed it; a failure not of the hold's own comes again below
                }
            }
            if (was == State.FAILED) {
                String id = engine.start(unheld.create(unit), unit.spec().image());
                started(unit.id());
                return id;
            }
            startedAt = each.startedAt;
        }
        started(unit.id());
        release(containerId, Duration.ofNanos(System.nanoTime() - startedAt));
        return containerId;
    }

    /**
     * Releases a container started just now by other means than {@link #start} (a stopped one started again, or one
     * found running but not ready), in case a stopped up left it held; a running command ignores it.
     */
    void releaseStarted(String containerId) throws EngineException {
        if (engine.canStartAhead()) {
            release(containerId, Duration.ZERO);
        }
    }

    /**
     * Signals the container now, and once more when its hold surely listens, if it may not yet (the first signal
     * then goes nowhere, or to the command, which ignores it).
     */
    private void release(String containerId, Duration sinceStart) throws EngineException {
        HeldStart.release(engine, containerId);
        Duration unarmed = HeldStart.ARMED.minus(sinceStart);
        if (!unarmed.isNegative() && !unarmed.isZero()) {
            // Its only failure is logged by the task itself.
            java.util.concurrent.Future<?> unused = starter.schedule(
                    () -> {
                        try {
                            HeldStart.release(engine, containerId);
                        } catch (EngineException e) {
                            log.warn("Releasing " + containerId + " again failed: " + e.getMessage());
                        }
                    },
                    unarmed.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Stops starting ahead; a held container whose turn never came (up failed first) goes, as it never ran anything:
     * none is left running what it is not, and the next up makes it again.
     */
    @Override
    public void close() throws InterruptedException {
        starter.shutdownNow();
        starter.awaitTermination(30, TimeUnit.SECONDS);
        for (Held each : held.values()) {
            synchronized (each) {
                if (each.state != State.STARTED) {
                    continue;
                }
            }
            try {
                engine.remove(each.containerId);
            } catch (EngineException e) {
                log.warn(
                        "Removing " + each.unit.id() + ", started ahead but never released, failed: " + e.getMessage());
            }
        }
    }
}
