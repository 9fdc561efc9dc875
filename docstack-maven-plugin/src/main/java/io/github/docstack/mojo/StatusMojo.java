package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackRunner;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints a table of the stack's containers: unit, kind, state, health and image. */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractStackMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Stack stackFile = loadStack();
        try (Engine engine = connectEngine()) {
            List<Map<String, String>> rows = new StackRunner(engine, new MavenEngineLog(getLog())).status(stackFile.name());
            if (rows.isEmpty()) {
                getLog().info("Stack " + stackFile.name() + " has no containers: mvn docstack:up starts it");
                return;
            }
            TextTable table = new TextTable("UNIT", "KIND", "STATE", "HEALTH", "ADDRESS", "IMAGE", "DIGEST");
            for (Map<String, String> row : rows) {
                table.row(row.get("unit"), row.get("kind"), row.get("state"), row.get("health"), row.get("address"),
                        row.get("image"), row.get("digest"));
            }
            table.print(getLog()::info);
        }
    }
}
