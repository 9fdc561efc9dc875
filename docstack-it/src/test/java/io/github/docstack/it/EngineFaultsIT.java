package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.Engine;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLabels;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import io.github.docstack.stack.StackRunner;
import io.github.docstack.stack.StepOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An engine that hangs or drops its connections in the middle of {@code up}, made with a proxy in front of the real
 * engine's socket: up fails within its bound with a message that says what happened, and the next up, against the
 * engine as it is, converges; down then leaves nothing of the stack.
 */
class EngineFaultsIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    private static final Duration CALL_BOUND = Duration.ofSeconds(5);
    private static final StackRunner.Timeouts TIMEOUTS =
            new StackRunner.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60));

    @TempDir
    Path work;

    @BeforeEach
    void copyStack() throws Exception {
        TestResources.copy("/stacks/demo", work);
    }

    @AfterEach
    void down() throws Exception {
        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down("demo", true);
    }

    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({
        "/containers/create, STALL, did not answer within 5 s while creating a container of",
        "/start, STALL, did not answer within 5 s while",
        "/containers/create, DROP, dropped the connection while creating a container of",
    })
    void upFailsWithinItsBoundAndTheNextUpConverges(String request, EngineFaultProxy.Fault fault, String said)
            throws Exception {
        Stack stack = StackLoader.load(work.resolve("stack.yaml")).stack();
        try (EngineFaultProxy proxy = EngineFaultProxy.failAt(
                        work.resolve("engine.sock"), REAL.engine().address(), request, fault);
                Engine faulty = Engine.connect(proxy.address(), RealEngine.CONSOLE, CALL_BOUND)) {
            // Images are built straight from the engine: the faults are for up.
            Deployment deployment = StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, 0, 4)
                    .deployment();

            long start = System.nanoTime();
            Exception failure = assertThrows(
                    Exception.class, () -> new StackRunner(faulty, RealEngine.CONSOLE).up(deployment, TIMEOUTS, 8));
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf(
                    "[engine-faults] %s at %s: up failed after %.1f s: %s%n",
                    fault, request, seconds, failure.getMessage());
            assertTrue(proxy.failing(), "the fault was reached");
            assertTrue(failure.getMessage().contains(said), failure.getMessage());
            assertTrue(
                    failure.getMessage().contains(proxy.address().url()),
                    "it names the engine: " + failure.getMessage());
            assertTrue(seconds < 4 * CALL_BOUND.toSeconds(), "failed within its bound, not after " + seconds + " s");
        }

        Deployment again = StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, 0, 4)
                .deployment();
        StackRunner.UpReport converged = new StackRunner(REAL.engine(), RealEngine.CONSOLE).up(again, TIMEOUTS, 8);
        assertEquals(
                List.of("webapp", "kvstore", "clock"),
                converged.services().stream()
                        .map(StackRunner.ServiceReport::service)
                        .toList());
        assertTrue(
                converged.services().stream()
                        .allMatch(service -> service.outcome().ready() == StepOutcome.Ready.HEALTHY),
                converged.services().toString());

        new StackRunner(REAL.engine(), RealEngine.CONSOLE).down("demo", true);
        assertEquals(List.of(), REAL.engine().containers(StackLabels.STACK, "demo"), "down leaves no container");
        assertEquals(List.of(), REAL.engine().networks(StackLabels.STACK, "demo"), "and no network");
    }
}
