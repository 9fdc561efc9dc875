package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.manifest.DocstackValidator;
import io.github.docstack.manifest.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class InitMojoTest {

    @TempDir
    Path dir;

    private static void target(InitMojo mojo, Path project, String serviceName) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "projectDirectory", project.toFile());
        MojoExtension.setVariableValueToObject(mojo, "serviceName", serviceName);
        MojoExtension.setVariableValueToObject(mojo, "pluginVersion", "9.9.9");
    }

    @Test
    @InjectMojo(goal = "init")
    void nonMavenDirectoryGetsAWorkingDocstackDirectoryNamedAfterIt(InitMojo mojo) throws Exception {
        Path project = Files.createDirectories(dir.resolve("Python_Glance"));
        Files.writeString(project.resolve("setup.cfg"), "[metadata]\nname = glance\n");
        target(mojo, project, null);
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals("docstack:init wrote 5 files for service 'python-glance' on port 8080:", log.infos.get(0));
        assertTrue(log.infos.get(log.infos.size() - 1).startsWith("Next: replace docstack/serve.pl"));
        for (String file : List.of(
                "docstack/Dockerfile", "docstack/docstack.yaml", "docstack/serve.pl", ".dockerignore", "Jenkinsfile")) {
            assertTrue(Files.isRegularFile(project.resolve(file)), file);
        }
        assertTrue(Files.readString(project.resolve("Jenkinsfile")).contains("docstack-maven-plugin:9.9.9"));
        ValidationReport report = DocstackValidator.validate(project.resolve("docstack"), List.of());
        assertEquals(List.of(), report.problems(), "what init writes passes validation with no warning");
    }

    @Test
    @InjectMojo(goal = "init")
    void existingFileIsNamedAndNothingIsWritten(InitMojo mojo) throws Exception {
        Path project = Files.createDirectories(dir.resolve("glance"));
        Files.writeString(project.resolve("Jenkinsfile"), "// ours\n");
        target(mojo, project, "glance-api");
        mojo.setLog(new RecordingLog());

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                failure.getMessage().startsWith(project.resolve("Jenkinsfile") + " exists already"),
                failure.getMessage());
        assertEquals("// ours\n", Files.readString(project.resolve("Jenkinsfile")));
        assertFalse(Files.exists(project.resolve("docstack")), "no half-made docstack/ directory");
    }

    @Test
    @InjectMojo(goal = "init")
    void invalidServiceNameSaysWhatWouldDo(InitMojo mojo) throws Exception {
        target(mojo, Files.createDirectories(dir.resolve("x")), "Glance_API");
        mojo.setLog(new RecordingLog());

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("e.g. glance-api"), failure.getMessage());
    }
}
