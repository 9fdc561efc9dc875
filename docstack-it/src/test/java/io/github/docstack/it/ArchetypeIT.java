package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new project from the archetype works from the first command: it validates without a warning, mvn package
 * builds its image, and the image's container becomes healthy and serves.
 */
class ArchetypeIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    @TempDir
    Path work;

    @Test
    void generatedProjectValidatesBuildsAndRunsHealthy() throws Exception {
        String version = System.getProperty("docstack.it.pluginVersion");
        Path settings = MavenRun.settings(work, "");
        MavenRun.Result generated = MavenRun.run(
                work,
                settings,
                "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate",
                "-DinteractiveMode=false",
                "-DarchetypeGroupId=io.github.docstack",
                "-DarchetypeArtifactId=docstack-archetype",
                "-DarchetypeVersion=" + version,
                "-DgroupId=org.example",
                "-DartifactId=demo-svc",
                "-Dversion=1.0",
                "-Dpackage=org.example",
                "-DservicePort=9191");
        assertTrue(generated.succeeded(), generated.log());
        Path project = work.resolve("demo-svc");
        assertTrue(
                Files.readString(project.resolve("pom.xml")).contains("<version>" + version + "</version>"),
                "the plugin version defaults to the archetype's own");

        MavenRun.Result validated = MavenRun.run(project, settings, "validate");
        assertTrue(
                validated.log().contains("docstack:validate docstack: 0 errors, 0 warnings, 0 infos"), validated.log());

        MavenRun.Result packaged = MavenRun.run(project, settings, "package");
        assertTrue(packaged.succeeded(), packaged.log());
        String image = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(project.resolve("target/docstack/build.json").toFile())
                .path("tags")
                .get(0)
                .asText();
        assertEquals("docstack/demo-svc:dev", image, "outside a git checkout the tag is dev");
        REAL.removeImageAfterAll(image);

        Engine engine = REAL.engine();
        String container = engine.run(ContainerSpec.of(image).withPorts(Map.of(9191, 0)));
        REAL.removeContainerAfterAll(container);
        Duration healthy = engine.waitHealthy(container, Duration.ofSeconds(60));
        System.out.println("[archetype-it] generated service healthy after " + healthy.toMillis() + " ms");
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + engine.publishedPort(container, 9191) + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertEquals("demo-svc is running\n", body);
    }
}
