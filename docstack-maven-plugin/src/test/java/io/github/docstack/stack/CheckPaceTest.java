package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckPaceTest {

    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final Duration HOUR = Duration.ofHours(1);

    // mariadb <- keystone; rabbitmq waits for nothing and nothing waits for it.
    private final Deployment.Unit mariadb = service("mariadb", Set.of());
    private final Deployment.Unit keystone = service("keystone", Set.of("mariadb"));
    private final Deployment.Unit rabbitmq = service("rabbitmq", Set.of());
    private final Deployment deployment = new Deployment(
            "cloud",
            "cloud",
            List.of(),
            List.of(mariadb, keystone, rabbitmq),
            List.of(),
            Path.of("state"),
            List.of(),
            new Deployment.Secrets("id", Set.of()));

    @Test
    void aServiceSomethingWaitsForIsCheckedAtItsReadinessInterval() throws Exception {
        CheckPace pace = new CheckPace(deployment, HOUR);

        CompletableFuture<Void> next = nextCheck(pace, mariadb);

        next.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aServiceNothingWaitsForIsCheckedSlowlyUntilWhatOthersWaitForIsReadyThenAtOnce() throws Exception {
        CheckPace pace = new CheckPace(deployment, HOUR);

        CompletableFuture<Void> next = nextCheck(pace, rabbitmq);
        pace.done("keystone"); // nothing waits for keystone either: rabbitmq still waits on mariadb

        assertFalse(completesWithin(next, Duration.ofMillis(300)), "checked no sooner than the unawaited interval");
        pace.done("mariadb");
        next.get(10, TimeUnit.SECONDS); // the last unit others wait for is ready: checked now, not in an hour
        nextCheck(pace, rabbitmq).get(10, TimeUnit.SECONDS); // and at its readiness interval from then on
    }

    @Test
    void aServiceRestartedOnItsOwnIsCheckedAtItsReadinessInterval() throws Exception {
        nextCheck(CheckPace.ALONE, rabbitmq).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCheckThatTookLongerThanTheIntervalIsFollowedAtOnce() throws Exception {
        CheckPace pace = new CheckPace(deployment, HOUR);
        long start = System.nanoTime();

        pace.awaitNextCheck(rabbitmq, HOUR, HOUR.plusSeconds(1));

        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    private static CompletableFuture<Void> nextCheck(CheckPace pace, Deployment.Unit unit) {
        return CompletableFuture.runAsync(() -> {
            try {
                pace.awaitNextCheck(unit, INTERVAL, Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean completesWithin(CompletableFuture<Void> future, Duration time) throws Exception {
        try {
            future.get(time.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            return false;
        }
    }

    private static Deployment.Unit service(String id, Set<String> after) {
        return new Deployment.Unit(
                id,
                id,
                Deployment.Kind.SERVICE,
                ContainerSpec.of(id + ":dev").withName("cloud-" + id),
                after,
                null,
                "hash-" + id,
                Map.of());
    }
}
