package io.github.docstack.stack;

import io.github.docstack.engine.EngineException;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;

/**
 * How many of up's readiness checks run at once. Each is an exec through dockerd, containerd and runc, about 0.15 s
 * of CPU, so half a dozen services each checked every half second while they start would take the cores they start
 * on; the checks take turns instead, first come first served, and a service checked a little later starts sooner.
 */
final class CheckSlots {

    /** One readiness check: its exit code, or empty when it did not finish in time. */
    @FunctionalInterface
    interface Check {
        OptionalInt run() throws EngineException;
    }

    private final Semaphore slots;

    CheckSlots(int slots) {
        this.slots = new Semaphore(Math.max(1, slots), true);
    }

    /** Half the cores, at least one: the other half stay for the services being checked. */
    static CheckSlots forThisMachine() {
        return new CheckSlots(Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Runs the check once a slot is free. */
    OptionalInt run(Check check) throws EngineException, InterruptedException {
        slots.acquire();
        try {
            return check.run();
        } finally {
            slots.release();
        }
    }

    /** Checks waiting for a slot. */
    int waiting() {
        return slots.getQueueLength();
    }
}
