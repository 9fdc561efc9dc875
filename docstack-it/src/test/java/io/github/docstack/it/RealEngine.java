package io.github.docstack.it;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A connection to the real Docker engine for one test class ({@code -Ddocstack.dockerHost}, else
 * {@code DOCKER_HOST}, else the default socket). When none answers, every test of the class fails with the
 * engine's own message: where it looked and how to start one. Images and containers registered with
 * {@link #removeContainerAfterAll} or {@link #removeImageAfterAll} are removed when the class is done, pass or fail.
 */
public final class RealEngine implements BeforeAllCallback, AfterAllCallback {

    /** Prints the engine's progress (build steps included) to the test output, so CI logs show it. */
    public static final EngineLog CONSOLE = new EngineLog() {
        @Override
        public void info(String message) {
            System.out.println("[engine] " + message);
        }

        @Override
        public void warn(String message) {
            System.out.println("[engine] WARNING " + message);
        }

        @Override
        public void debug(String message) {}
    };

    private final List<String> containers = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private Engine engine;

    @Override
    public void beforeAll(ExtensionContext context) throws EngineException {
        engine = Engine.connect(
                EngineAddress.resolve(System.getProperty("docstack.dockerHost"), System.getenv()), CONSOLE);
        CONSOLE.info("connected to " + engine.address() + ": " + engine.version());
    }

    public Engine engine() {
        return engine;
    }

    public void removeContainerAfterAll(String containerId) {
        containers.add(containerId);
    }

    public void removeImageAfterAll(String image) {
        images.add(image);
    }

    @Override
    public void afterAll(ExtensionContext context) throws EngineException {
        if (engine == null) {
            return;
        }
        try {
            for (String container : containers) {
                engine.remove(container);
            }
            for (String image : images) {
                if (engine.hasImage(image)) {
                    engine.removeImage(image);
                }
            }
        } finally {
            engine.close();
        }
    }
}
