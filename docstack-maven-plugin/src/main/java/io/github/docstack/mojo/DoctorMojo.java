package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks that this machine can run docstack: a Docker engine answers, and which one. Run it first when
 * anything else fails to reach Docker: {@code mvn docstack:doctor}.
 */
@Mojo(name = "doctor", requiresProject = false, threadSafe = true)
public class DoctorMojo extends AbstractDocstackMojo {

    @Override
    protected void run() throws EngineException {
        try (Engine engine = connectEngine()) {
            getLog().info("Docker engine at " + engine.address() + ": " + engine.version());
        }
    }
}
