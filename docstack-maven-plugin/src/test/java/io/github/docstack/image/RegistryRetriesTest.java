package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.RegistryException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which registry failures another try may cure, and what the last failure says. */
class RegistryRetriesTest {

    private static final RetryPolicy THREE_QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1));

    @Test
    void aMissingImageIsNotAskedForAgainAndTheMessageSaysTheRegistryLacksIt() {
        AtomicInteger calls = new AtomicInteger();
        RegistryException failure = assertThrows(
                RegistryException.class,
                () -> RegistryRetries.run(THREE_QUICK, EngineLog.SILENT, "127.0.0.1:5001", () -> {
                    calls.incrementAndGet();
                    throw new RegistryException(
                            RegistryException.Kind.NOT_FOUND, "Pulling r/keystone:zed failed: manifest unknown", null);
                }));
        assertEquals(1, calls.get());
        assertEquals(
                "Pulling r/keystone:zed failed: manifest unknown. The registry 127.0.0.1:5001 holds no such image or"
                        + " tag.",
                failure.getMessage());
    }

    @Test
    void aServerErrorIsTriedAgainUntilTheAttemptsAreUsed() {
        AtomicInteger calls = new AtomicInteger();
        RegistryException failure = assertThrows(
                RegistryException.class,
                () -> RegistryRetries.run(THREE_QUICK, EngineLog.SILENT, "127.0.0.1:5001", () -> {
                    calls.incrementAndGet();
                    throw new RegistryException(
                            RegistryException.Kind.OTHER, "received unexpected HTTP status: 500", null);
                }));
        assertEquals(3, calls.get());
        assertTrue(failure.getMessage().endsWith("Gave up after 3 attempts."), failure.getMessage());
    }
}
