package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The site's Jenkins Job Builder example renders, with Debian's jenkins-job-builder (OpenStack's own tool),
 * into one job per repository that polls its git and runs validate, build and push.
 */
class JenkinsJobsIT {

    private static final Path JOBS = Path.of("../src/site/resources/examples/docstack-jobs.yaml");

    @TempDir
    Path out;

    @Test
    void everyRepositoryGetsAPollingJobRunningTheCiLoop() throws Exception {
        Process render = new ProcessBuilder("jenkins-jobs", "test", JOBS.toString(), "-o", out.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(render.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, render.exitValue(), output);

        try (var jobs = Files.list(out)) {
            assertEquals(
                    List.of("docstack-glance", "docstack-keystone", "docstack-nova", "docstack-placement"),
                    jobs.map(job -> job.getFileName().toString()).sorted().toList());
        }
        Document glance = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(out.resolve("docstack-glance").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        assertEquals("H/5 * * * *", xpath.evaluate("/project/triggers/hudson.triggers.SCMTrigger/spec", glance));
        assertEquals(
                "https://opendev.org/openstack/glance.git",
                xpath.evaluate("/project/scm/userRemoteConfigs/hudson.plugins.git.UserRemoteConfig/url", glance));
        String targets = xpath.evaluate("/project/builders/hudson.tasks.Maven/targets", glance);
        for (String goal : List.of(":validate", ":build", ":push", "-Ddocstack.registry=")) {
            assertTrue(targets.contains(goal), targets);
        }
        assertTrue(xpath.evaluate("/project/publishers/hudson.tasks.junit.JUnitResultArchiver/testResults", glance)
                .contains("validation-junit.xml"));
    }
}
