package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An image's HEALTHCHECK, as the engine reports it, becomes the command up runs to see the service ready. */
class ReadinessTest {

    @Test
    void execFormRunsAsWritten() {
        assertEquals(
                List.of("curl", "-f", "http://localhost/"),
                Readiness.ofImageTest(List.of("CMD", "curl", "-f", "http://localhost/"))
                        .command());
    }

    @Test
    void shellFormRunsThroughTheShell() {
        assertEquals(
                List.of("/bin/sh", "-c", "pg_isready || exit 1"),
                Readiness.ofImageTest(List.of("CMD-SHELL", "pg_isready || exit 1"))
                        .command());
    }

    @Test
    void noneOrNothingMeansNoCheck() {
        assertNull(Readiness.ofImageTest(List.of("NONE")));
        assertNull(Readiness.ofImageTest(List.of()));
    }
}
