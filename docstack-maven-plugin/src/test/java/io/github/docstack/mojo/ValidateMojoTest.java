package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class ValidateMojoTest {

    private static Path basedir() {
        return Path.of(MojoExtension.getBasedir());
    }

    @Test
    @Basedir("/validate-projects/broken")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "skip", value = "true")
    void skipIsLoggedAndNothingIsChecked(ValidateMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(1, log.infos.size(), log.infos.toString());
        assertTrue(log.infos.get(0).startsWith("Skipping docstack:validate"), log.infos.get(0));
        assertTrue(log.errors.isEmpty());
    }

    @Test
    @Basedir("/validate-projects/good")
    @InjectMojo(goal = "validate")
    void directoryWithoutPomPassesAndReportsUnderDotDocstack(ValidateMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        Path report = basedir().resolve(".docstack/validation-junit.xml");
        assertTrue(Files.isRegularFile(report), "report at " + report);
        String xml = Files.readString(report);
        assertTrue(xml.contains("tests=\"1\" failures=\"0\""), xml);
        assertTrue(log.infos.get(log.infos.size() - 1).contains("0 errors, 0 warnings, 0 infos"), log.infos.toString());
    }

    @Test
    @Basedir("/validate-projects/broken")
    @InjectMojo(goal = "validate")
    void errorsFailTheBuildWithOneLinePerProblem(ValidateMojo mojo) throws IOException {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "docstack/docstack.yaml:3:1: unknown-key Unknown key 'servces' in the manifest: did you mean 'services'?",
                log.errors.get(0));
        assertTrue(failure.getMessage().contains("1 error"), failure.getMessage());
        assertNull(failure.getCause(), "no stack trace");
        String xml = Files.readString(basedir().resolve(".docstack/validation-junit.xml"));
        assertTrue(
                xml.contains(
                        "<testcase classname=\"docstack/docstack.yaml\" name=\"3:1 unknown-key\"><failure type=\"error\""),
                xml);
    }

    @Test
    @Basedir("/validate-projects/warning")
    @InjectMojo(goal = "validate")
    void warningsPassByDefault(ValidateMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(1, log.warnings.size(), log.warnings.toString());
        assertTrue(log.warnings.get(0).startsWith("docstack/Dockerfile:1:1: base-image-unpinned"), log.warnings.get(0));
    }

    @Test
    @Basedir("/validate-projects/warning")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "failOnWarning", value = "true")
    void failOnWarningFailsOnWarnings(ValidateMojo mojo) {
        mojo.setLog(new RecordingLog());

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("docstack.failOnWarning"), failure.getMessage());
    }

    @Test
    @Basedir("/validate-projects/warning")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "failOnWarning", value = "true")
    @MojoParameter(name = "ignore", value = "base-image-unpinned")
    void ignoreParameterSuppressesARule(ValidateMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertTrue(log.warnings.isEmpty(), log.warnings.toString());
    }
}
