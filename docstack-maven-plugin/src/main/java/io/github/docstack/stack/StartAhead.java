package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The held containers of one up ({@link HeldStart}): started ahead, one at a time on a thread of their own, those
 * nearest the start of the stack first, while the units they wait for start; each released when its turn comes. A
 * unit whose turn comes before it was started ahead is started then, and released at once.
 */
final class StartAhead implements AutoCloseable {

    private enum State {
        CREATED,
        STARTING,
        STARTED,
        TAKEN
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
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> lenders; // unit ids of the services the held steps borrow a namespace from
    private final Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<String> roots; // the units that wait for nothing, started by up at once
    private final CountDownLatch rootsStarted;
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "docstack-start-ahead");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param heldContainers unit id to the id of its created, held container
     * @param lenderOf       the unit id of the service whose network namespace a held step borrows, by the step's id
     */
    StartAhead(
            Engine engine,
            EngineLog log,
            Deployment deployment,
            Map<String, String> heldContainers,
            Map<String, String> lenderOf) {
        this.engine = engine;
        this.log = log;
        this.lenders = Set.copyOf(lenderOf.values());
        Set<String> waitForNothing = new java.util.HashSet<>();
        deployment.units().stream()
                .filter(unit -> unit.after().isEmpty())
                .forEach(unit -> waitForNothing.add(unit.id()));
        this.roots = Set.copyOf(waitForNothing);
        this.rootsStarted = new CountDownLatch(roots.size());
        Map<String, Integer> depth = depths(deployment);
        List<Deployment.Unit> order = new ArrayList<>(deployment.units());
        order.removeIf(unit -> !heldContainers.containsKey(unit.id()));
        order.sort(Comparator.comparingInt(unit -> depth.get(unit.id())));
        order.forEach(unit -> held.put(unit.id(), new Held(unit, heldContainers.get(unit.id()))));
        for (Held each : held.values()) {
            String lender = lenderOf.get(each.unit.id());
            starter.execute(() -> startAhead(each, lender));
        }
    }

    /** How many units each waits for in a row at most: the stack's first units are 0. */
    private static Map<String, Integer> depths(Deployment deployment) {
        Map<String, Deployment.Unit> byId = new HashMap<>();
        deployment.units().forEach(unit -> byId.put(unit.id(), unit));
        Map<String, Integer> depth = new HashMap<>();
        deployment.units().forEach(unit -> depth(unit, byId, depth));
        return depth;
    }

    private static int depth(Deployment.Unit unit, Map<String, Deployment.Unit> byId, Map<String, Integer> depth) {
        Integer known = depth.get(unit.id());
        if (known != null) {
            return known;
        }
        depth.put(unit.id(), 0); // a cycle, which up refuses later, ends here
        int below = -1;
        for (String after : unit.after()) {
            Deployment.Unit before = byId.get(after);
            if (before != null) {
                below = Math.max(below, depth(before, byId, depth));
            }
        }
        depth.put(unit.id(), below + 1);
        return below + 1;
    }

    private void startAhead(Held each, String lender) {
        try {
            // The engine starts the stack's first units sooner with no start ahead of its own beside them.
            rootsStarted.await();
            synchronized (each) {
                // A borrowed namespace exists once its service's container runs, held or not.
                while (lender != null && each.state == State.CREATED && !started.contains(lender)) {
                    each.wait();
                }
                if (each.state != State.CREATED) {
                    return; // its turn came first
                }
                each.state = State.STARTING;
            }
            boolean ok = false;
            try {
                engine.start(each.containerId, each.unit.spec().image());
                ok = true;
            } finally {
                synchronized (each) {
                    each.state = ok ? State.STARTED : State.TAKEN; // a failed start is tried again at its turn
                    each.startedAt = System.nanoTime();
                    each.notifyAll();
                }
                if (ok) {
                    started(each.unit.id());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (EngineException e) {
            log.warn("Starting " + each.unit.id() + " ahead failed; it starts at its turn: " + e.getMessage());
        }
    }

    /** Unit {@code id}'s container runs (held or not): a step that borrows its namespace may start. */
    void started(String id) {
        if (started.add(id) && roots.contains(id)) {
            rootsStarted.countDown();
        }
        if (lenders.contains(id)) {
            for (Held each : held.values()) {
                synchronized (each) {
                    each.notifyAll();
                }
            }
        }
    }

    /**
     * Starts {@code unit}'s created container, at its turn: a held one started ahead is released, one not yet started
     * is started and released, any other is started.
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
            boolean startNow = each.state != State.STARTED;
            each.state = State.TAKEN;
            if (startNow) {
                engine.start(containerId, unit.spec().image());
                each.startedAt = System.nanoTime();
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
     * Stops starting ahead; a held container whose turn never came (up failed first) is stopped, so none is left
     * running something it is not: the next up starts it again, and releases it.
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
                engine.stop(each.containerId, Duration.ofSeconds(10)); // the hold stops at once on SIGTERM
            } catch (EngineException e) {
                log.warn(
                        "Stopping " + each.unit.id() + ", started ahead but never released, failed: " + e.getMessage());
            }
        }
    }
}
