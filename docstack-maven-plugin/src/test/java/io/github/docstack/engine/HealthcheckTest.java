package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthcheckTest {

    @Test
    void anEnginesTestRunsAsTheCommandDockerWouldRun() {
        assertEquals(
                List.of("curl", "-fsS", "http://localhost:5000/v3"),
                Healthcheck.execForm(List.of("CMD", "curl", "-fsS", "http://localhost:5000/v3")));
        assertEquals(
                List.of("/bin/sh", "-c", "mariadb-admin ping --silent"),
                Healthcheck.execForm(List.of("CMD-SHELL", "mariadb-admin ping --silent")));
    }

    @Test
    void noTestOrNoneIsNoCommand() {
        assertEquals(List.of(), Healthcheck.execForm(List.of("NONE")));
        assertEquals(List.of(), Healthcheck.execForm(List.of()));
    }
}
