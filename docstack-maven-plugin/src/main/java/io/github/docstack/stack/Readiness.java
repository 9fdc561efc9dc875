package io.github.docstack.stack;

import io.github.docstack.engine.Healthcheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code up} knows a service is ready: it runs the service's healthcheck command in the container every
 * {@code interval} until the command passes, instead of waiting for the engine's next scheduled check.
 *
 * @param command  the check in exec form
 * @param interval time between two checks while the service starts
 * @param timeout  time one check may take
 */
public record Readiness(List<String> command, Duration interval, Duration timeout) {

    public Readiness {
        command = List.copyOf(command);
    }

    static Readiness of(Healthcheck check) {
        return new Readiness(check.command(), check.startInterval(), check.timeout());
    }

    /**
     * The readiness of an image's own HEALTHCHECK, or null when it has none.
     *
     * @param test the image's {@code Healthcheck.Test}: {@code [CMD, arg...]}, {@code [CMD-SHELL, line]} or {@code [NONE]}
     */
    static Readiness ofImageTest(List<String> test) {
        if (test.size() < 2) {
            return null; // none, or NONE
        }
        List<String> command = new ArrayList<>();
        switch (test.get(0)) {
            case "CMD" -> command.addAll(test.subList(1, test.size()));
            case "CMD-SHELL" ->
                command.addAll(List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size()))));
            default -> {
                return null;
            }
        }
        return new Readiness(command, Healthcheck.DEFAULT_START_INTERVAL, Healthcheck.DEFAULT_TIMEOUT);
    }
}
