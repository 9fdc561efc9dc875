package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

@MojoTest
class DoctorMojoTest {

    @Test
    @InjectMojo(goal = "doctor")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "dockerHost", value = "unix:///nonexistent/docker.sock")
    void skipIsLoggedAndNothingIsContacted(DoctorMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(1, log.infos.size(), "only the skip line: " + log.infos);
        assertTrue(log.infos.get(0).startsWith("Skipping docstack:doctor (docstack.skip is true)"), log.infos.get(0));
    }

    @Test
    @InjectMojo(goal = "doctor")
    @MojoParameter(name = "dockerHost", value = "unix:///nonexistent/docker.sock")
    void noEngineFailsWithWhereItLookedAndHowToStartOne(DoctorMojo mojo) {
        MojoExecutionException failure = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "No Docker engine answers at unix:///nonexistent/docker.sock (from docstack.dockerHost)"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Start one"), failure.getMessage());
        assertNull(failure.getCause(), "Maven prints no stack trace for the user's sake");
    }
}
