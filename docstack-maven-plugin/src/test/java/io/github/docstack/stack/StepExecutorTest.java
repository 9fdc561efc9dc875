package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepExecutorTest {

    private static final StepExecutor.Listener QUIET = new StepExecutor.Listener() {
        @Override
        public void started(String step) {}

        @Override
        public void finished(String step, String result) {}
    };

    @Test
    void stepsWaitForTheirInputsAndIndependentOnesRunTogether() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothRunning = new CountDownLatch(2);
        StepExecutor.StepWork meetsTheOther = () -> {
            bothRunning.countDown();
            // Each waits for the other: this only finishes if the two really run at the same time.
            assertTrue(bothRunning.await(10, TimeUnit.SECONDS), "independent steps ran one after the other");
            return "ok";
        };
        StepExecutor.Outcome outcome = StepExecutor.run(
                List.of(
                        new StepExecutor.Step("consumer", Set.of("provider", "clock"), () -> {
                            order.add("consumer");
                            return "ok";
                        }),
                        new StepExecutor.Step("provider", Set.of(), () -> {
                            order.add("provider");
                            return meetsTheOther.run();
                        }),
                        new StepExecutor.Step("clock", Set.of(), () -> {
                            order.add("clock");
                            return meetsTheOther.run();
                        })),
                4,
                QUIET);

        assertTrue(outcome.succeeded());
        assertEquals("consumer", order.get(2));
    }

    @Test
    void aFailureStopsSchedulingButLetsRunningStepsFinish() throws Exception {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch failureSeen = new CountDownLatch(1);
        StepExecutor.Listener seesFailure = new StepExecutor.Listener() {
            @Override
            public void started(String step) {}

            @Override
            public void finished(String step, String result) {}

            @Override
            public void failed(String step, Exception failure) {
                failureSeen.countDown();
            }
        };
        StepExecutor.Outcome outcome = StepExecutor.run(
                List.of(
                        new StepExecutor.Step("broken", Set.of(), () -> {
                            throw new IllegalStateException("exit 3");
                        }),
                        new StepExecutor.Step("slow", Set.of(), () -> {
                            // Still running when the executor has taken in the failure.
                            assertTrue(failureSeen.await(10, TimeUnit.SECONDS));
                            ran.add("slow");
                            return "ok";
                        }),
                        new StepExecutor.Step("after-slow", Set.of("slow"), () -> {
                            ran.add("after-slow");
                            return "ok";
                        })),
                4,
                seesFailure);

        assertEquals("broken", outcome.failedStep());
        assertEquals("exit 3", outcome.failure().getMessage());
        assertEquals(List.of("slow"), ran, "the running step finished; nothing new started");
        assertEquals(List.of("after-slow"), outcome.neverStarted());
    }

    @Test
    void stepsThatWaitForEachOtherAreReportedNotHung() throws Exception {
        StepExecutor.Outcome outcome = StepExecutor.run(
                List.of(
                        new StepExecutor.Step("a", Set.of("b"), () -> "ok"),
                        new StepExecutor.Step("b", Set.of("a"), () -> "ok")),
                2,
                QUIET);
        assertEquals(List.of("a", "b"), outcome.neverStarted());
    }
}
