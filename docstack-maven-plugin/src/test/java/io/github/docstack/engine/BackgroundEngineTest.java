package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundEngineTest {

    private static final EngineAddress ADDRESS = EngineAddress.resolve("unix:///run/docstack-test.sock", Map.of());

    @Test
    void callsWaitForTheConnectionThenGoToTheEngine() throws Exception {
        InMemoryEngine connected = new InMemoryEngine();
        CountDownLatch mayConnect = new CountDownLatch(1);
        Engine engine = Engine.inBackground(ADDRESS, () -> {
            await(mayConnect);
            return connected;
        });

        assertSame(ADDRESS, engine.address(), "where it is, known before it answers");
        mayConnect.countDown();
        engine.createVolume("data", Map.of());

        assertTrue(connected.volumeNames().contains("data"));
    }

    @Test
    void theFirstCallThrowsWhatConnectingThrew() {
        EngineUnavailableException down = new EngineUnavailableException(ADDRESS, new IOException("no such file"));
        Engine engine = Engine.inBackground(ADDRESS, () -> {
            throw down;
        });

        EngineException thrown = assertThrows(EngineException.class, () -> engine.hasImage("mariadb:dev"));

        assertSame(down, thrown, "the same exception, so the goal words it as it would have");
    }

    @Test
    void closingDoesNotWaitForAnEngineThatHangsAndStopsConnectingToIt() throws Exception {
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch gaveUp = new CountDownLatch(1);
        Engine engine = Engine.inBackground(ADDRESS, () -> {
            connecting.countDown();
            try {
                new CountDownLatch(1).await(); // a daemon that accepts and never answers
            } catch (InterruptedException e) {
                gaveUp.countDown();
            }
            throw new EngineTimeoutException(ADDRESS, "answering its version", java.time.Duration.ofMinutes(1));
        });
        assertTrue(connecting.await(10, TimeUnit.SECONDS));

        engine.close();

        assertTrue(gaveUp.await(10, TimeUnit.SECONDS), "the connecting thread is told to stop");
    }

    @Test
    void anEngineThatConnectsAfterTheGoalClosedItIsClosed() throws Exception {
        CountDownLatch mayConnect = new CountDownLatch(1);
        InMemoryEngine connected = new InMemoryEngine();
        Engine engine = Engine.inBackground(ADDRESS, () -> {
            boolean answered = false;
            while (!answered) {
                try {
                    answered = mayConnect.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // the engine answers all the same, just as the goal closes it
                }
            }
            return connected;
        });

        engine.close();
        assertFalse(connected.closed(), "not yet connected");
        mayConnect.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!connected.closed() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(connected.closed(), "closed once it connected");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertEquals(true, latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
