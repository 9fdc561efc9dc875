package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallBoundTest {

    private static final EngineAddress ADDRESS = new EngineAddress("unix:///tmp/hung.sock", "from a test");

    private final CallBound calls = new CallBound(ADDRESS, Duration.ofMillis(200));
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void release() {
        never.countDown();
        calls.close();
    }

    @Test
    void aCallThatOutlivesTheBoundFailsAtTheBoundAndNamesTheEngineAndTheOperation() {
        long start = System.nanoTime();
        EngineTimeoutException timeout = assertThrows(
                EngineTimeoutException.class,
                () -> calls.run("creating a container of demo", () -> awaitQuietly(never)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis >= 200 && millis < 2000, "failed after " + millis + " ms");
        assertTrue(timeout.getMessage().contains("unix:///tmp/hung.sock"), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("creating a container of demo"), timeout.getMessage());
    }

    @Test
    void afterOneTimeoutTheEngineIsNotAskedAgain() {
        assertThrows(EngineTimeoutException.class, () -> calls.run("listing containers", () -> awaitQuietly(never)));
        AtomicInteger asked = new AtomicInteger();

        long start = System.nanoTime();
        EngineTimeoutException again = assertThrows(
                EngineTimeoutException.class, () -> calls.run("removing container x", asked::incrementAndGet));

        assertEquals(0, asked.get(), "a hung engine gets no more requests");
        assertTrue(
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 100, "and the caller does not wait again");
        assertTrue(
                again.getMessage()
                        .startsWith("Not removing container x: the Docker engine at unix:///tmp/hung.sock did not"
                                + " answer within 0 s while listing containers"),
                again.getMessage());
    }

    @Test
    void aCallMayTakeTheWaitItAsksForOnTopOfTheBound() throws Exception {
        assertEquals("stopped", calls.call("stopping container x", Duration.ofMillis(300), () -> {
            sleep(350);
            return "stopped";
        }));
    }

    @Test
    void aBrokenConnectionIsReportedAsALostEngine() {
        EngineLostException lost = assertThrows(
                EngineLostException.class,
                () -> calls.run("inspecting container x", () -> {
                    throw new EngineException("Inspecting container x failed", new SocketException("Broken pipe"));
                }));
        assertTrue(
                lost.getMessage().contains("dropped the connection while inspecting container x (Broken pipe)"),
                lost.getMessage());
    }

    @Test
    void theEnginesOwnAnswerPassesThroughAsItIs() {
        EngineException refused = new EngineException("Creating a container of demo failed: No such image");
        assertEquals(
                refused,
                assertThrows(
                        EngineException.class,
                        () -> calls.run("creating", () -> {
                            throw refused;
                        })));
    }

    @Test
    void anInterruptedCallerStillGetsTheAnswerAndKeepsItsInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        String[] answer = new String[1];
        boolean[] interruptedAfter = new boolean[1];
        Thread caller = new Thread(() -> {
            try {
                answer[0] = calls.call("creating", () -> {
                    started.countDown();
                    sleep(100);
                    return "created";
                });
            } catch (EngineException e) {
                answer[0] = e.getMessage();
            }
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(5000);

        assertEquals("created", answer[0], "the request was on its way; the caller learns what the engine did");
        assertTrue(interruptedAfter[0], "the interrupt is kept for the caller's caller");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
