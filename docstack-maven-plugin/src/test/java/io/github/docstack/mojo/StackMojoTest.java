package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class StackMojoTest {

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "up")
    @MojoParameter(name = "skip", value = "true")
    void upSkipIsLogged(UpMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertEquals(java.util.List.of("Skipping docstack:up (docstack.skip is true)"), log.infos);
    }

    @Test
    @InjectMojo(goal = "up")
    @MojoParameter(name = "dockerHost", value = "unix:///nonexistent/docker.sock")
    void brokenStackFileIsReportedBeforeAnyEngineIsNeeded(UpMojo mojo) throws Exception {
        Path stack = Files.writeString(
                dir.resolve("stack.yaml"), "apiVersion: docstack/v1\nkind: Stack\nname: dev\nprojcts: [x]\n");
        MojoExtension.setVariableValueToObject(mojo, "stack", stack.toFile());
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                log.errors.stream()
                        .anyMatch(
                                line -> line.endsWith(
                                        "stack.yaml:4:1: unknown-key Unknown key 'projcts' in the stack file: did you mean 'projects'?")),
                log.errors.toString());
        assertTrue(failure.getMessage().contains("fix the errors listed above"), failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "down")
    @MojoParameter(name = "skip", value = "true")
    void downSkipIsLogged(DownMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertEquals(java.util.List.of("Skipping docstack:down (docstack.skip is true)"), log.infos);
    }
}
