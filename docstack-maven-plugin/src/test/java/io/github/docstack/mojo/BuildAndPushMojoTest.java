package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class BuildAndPushMojoTest {

    @Test
    @Basedir("/validate-projects/good")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "dockerHost", value = "unix:///nonexistent/docker.sock")
    void buildSkipIsLogged(BuildMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertEquals(java.util.List.of("Skipping docstack:build (docstack.skip is true)"), log.infos);
    }

    @Test
    @Basedir("/validate-projects/broken")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "dockerHost", value = "unix:///nonexistent/docker.sock")
    void brokenDirectoryIsReportedBeforeAnyEngineIsNeeded(BuildMojo mojo) {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("nothing was built"), failure.getMessage());
        assertTrue(log.errors.get(0).startsWith("docstack/docstack.yaml:3:1: unknown-key"), log.errors.toString());
    }

    @Test
    @Basedir("/validate-projects/good")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "dockerHost", value = "unix:///nonexistent/docker.sock")
    void buildWithoutAnEngineSaysWhereItLooked(BuildMojo mojo) {
        mojo.setLog(new RecordingLog());
        MojoExecutionException failure = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                failure.getMessage().startsWith("No Docker engine answers at unix:///nonexistent/docker.sock"),
                failure.getMessage());
    }

    @Test
    @Basedir("/validate-projects/good")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "buildArgsProperty", value = "RELEASE")
    void malformedBuildArgsNameTheProperty(BuildMojo mojo) {
        mojo.setLog(new RecordingLog());
        MojoExecutionException failure = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                failure.getMessage().contains("'RELEASE' in docstack.buildArgs is not NAME=VALUE"),
                failure.getMessage());
    }

    @Test
    @Basedir("/validate-projects/good")
    @InjectMojo(goal = "push")
    @MojoParameter(name = "outputDirectory", value = "${basedir}/no-such-output")
    void pushBeforeBuildSaysToBuildFirst(PushMojo mojo) {
        mojo.setLog(new RecordingLog());
        MojoExecutionException failure = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("build.json: run docstack:build first"), failure.getMessage());
    }

    @Test
    @Basedir("/validate-projects/good")
    @InjectMojo(goal = "push")
    @MojoParameter(name = "skip", value = "true")
    void pushSkipIsLogged(PushMojo mojo) throws MojoExecutionException, MojoFailureException {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertEquals(java.util.List.of("Skipping docstack:push (docstack.skip is true)"), log.infos);
    }
}
