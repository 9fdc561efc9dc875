package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackRunner;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints a table of the stack's containers: unit, kind, state, health and image. */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractStackMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        try (engine) {
            List<StackRunner.UnitStatus> units =
                    new StackRunner(engine, new MavenEngineLog(getLog())).status(stackFile.name());
            if (units.isEmpty()) {
                getLog().info("Stack " + stackFile.name() + " has no containers: mvn docstack:up starts it");
                return;
            }
            boolean onNodes = units.stream().anyMatch(unit -> !unit.nodes().isEmpty());
            List<String> columns =
                    new ArrayList<>(List.of("UNIT", "KIND", "STATE", "HEALTH", "ADDRESS", "IMAGE", "DIGEST"));
            if (onNodes) {
                columns.add("NODE");
            }
            TextTable table = new TextTable(columns.toArray(String[]::new));
            for (StackRunner.UnitStatus unit : units) {
                String imageId = unit.imageId().replaceFirst("^sha256:", "");
                List<String> row = new ArrayList<>(List.of(
                        unit.unit(),
                        unit.kind() == null ? "?" : unit.kind(),
                        state(unit),
                        health(unit),
                        unit.published().isEmpty() ? "-" : String.join(", ", unit.published()),
                        unit.image(),
                        imageId.substring(0, Math.min(12, imageId.length()))));
                if (onNodes) {
                    row.add(unit.nodes().isEmpty() ? "-" : String.join(", ", unit.nodes()));
                }
                table.row(row.toArray(String[]::new));
            }
            table.print(getLog()::info);
        }
    }

    /**
     * The engine's verdict; for a service it has not checked yet, what its check says now (the engine's first check
     * comes one interval after start).
     */
    private static String health(StackRunner.UnitStatus unit) {
        if (unit.checkedNow().isEmpty()) {
            return unit.state().health();
        }
        return unit.checkedNow().getAsInt() == 0
                ? "healthy (checked now)"
                : "starting (check exits " + unit.checkedNow().getAsInt() + ")";
    }

    /** running; a one-shot's record: done and when; anything else: the engine's status and exit code. */
    private static String state(StackRunner.UnitStatus unit) {
        if (unit.state().running()) {
            return "running";
        }
        return unit.finishedAt() != null
                ? "done " + unit.finishedAt().truncatedTo(ChronoUnit.SECONDS)
                : unit.state().status() + " (" + unit.state().exitCode() + ")";
    }
}
