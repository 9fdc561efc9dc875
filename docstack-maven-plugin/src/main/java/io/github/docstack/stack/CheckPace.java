package io.github.docstack.stack;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How often up checks a starting service. One that other units wait for is checked at its readiness interval: each
 * moment it is seen ready sooner, they start sooner. One that nothing waits for (RabbitMQ in a cloud without a
 * consumer, an API at the end of a chain) only decides when up is done, and up is not done while anything others
 * wait for is still starting: until then it is checked every {@link #UNAWAITED_INTERVAL}, and at its readiness
 * interval after that. Each check is an exec (about 0.15 s of CPU through dockerd, containerd and runc) and takes a
 * check slot, both of which the services that hold the stack up can use.
 */
final class CheckPace {

    static final Duration UNAWAITED_INTERVAL = Duration.ofSeconds(2);

    /** For a service restarted on its own (by watch): nothing else is starting, so it is checked at its interval. */
    static final CheckPace ALONE = new CheckPace(Set.of(), UNAWAITED_INTERVAL);

    private final Set<String> awaited;
    private final Set<String> awaitedDone = new HashSet<>(); // guarded by this
    private final CountDownLatch awaitedStarting;
    private final Duration unawaitedInterval;

    CheckPace(Deployment deployment) {
        this(deployment, UNAWAITED_INTERVAL);
    }

    CheckPace(Deployment deployment, Duration unawaitedInterval) {
        this(deployment.awaited(), unawaitedInterval);
    }

    private CheckPace(Set<String> awaited, Duration unawaitedInterval) {
        this.awaited = awaited;
        this.awaitedStarting = new CountDownLatch(awaited.size());
        this.unawaitedInterval = unawaitedInterval;
    }

    /** Unit {@code id} is ready (a service) or done (a step), so what waits for it may start. */
    void done(String id) {
        synchronized (this) {
            if (!awaited.contains(id) || !awaitedDone.add(id)) {
                return;
            }
        }
        awaitedStarting.countDown();
    }

    /**
     * Waits until {@code unit} is due for its next check, {@code interval} (its readiness interval) after the last
     * one started, {@code sinceLast} ago; a service nothing waits for is due no sooner than the unawaited interval,
     * unless the last unit that others wait for is done first.
     */
    void awaitNextCheck(Deployment.Unit unit, Duration interval, Duration sinceLast) throws InterruptedException {
        boolean slow = !awaited.contains(unit.id()) && awaitedStarting.getCount() > 0;
        Duration pause =
                (slow && unawaitedInterval.compareTo(interval) > 0 ? unawaitedInterval : interval).minus(sinceLast);
        if (pause.isNegative() || pause.isZero()) {
            return;
        }
        if (slow) {
            awaitedStarting.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        }
    }
}
