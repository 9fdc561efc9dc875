package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package cache named by DOCSTACK_BUILD_PROXY speeds a build up and changes nothing the image is judged by. */
class BuildProxyTest {

    private static final String PROXY = "http://172.17.0.1:3142";

    @TempDir
    Path project;

    @BeforeEach
    void docstackDirectory() throws Exception {
        Files.createDirectories(project.resolve("docstack"));
        Files.writeString(
                project.resolve("docstack/docstack.yaml"),
                "apiVersion: docstack/v1\nname: demo\nbuild: {args: {LEVEL: \"2\"}}\n");
        Files.writeString(project.resolve("docstack/Dockerfile"), "FROM debian:bookworm-slim\nARG LEVEL\nUSER 1000\n");
    }

    private BuildPlan plan(Map<String, String> environment) throws Exception {
        return new ImageBuilder(TagPolicy.DEFAULT)
                .plan(
                        BuildRequest.of(project.resolve("docstack"), environment)
                                .withIgnoredRules(List.of("no-healthcheck")),
                        project.resolve("target"));
    }

    @Test
    void theBuildGetsTheProxyAsDockersHttpProxyArgument() throws Exception {
        BuildPlan plan = plan(Map.of(BuildPlan.BUILD_PROXY_VARIABLE, PROXY));

        assertEquals(Map.of("LEVEL", "2", "http_proxy", PROXY), plan.engineBuildArgs());
        assertEquals(Map.of("LEVEL", "2"), plan.buildArgs());
    }

    @Test
    void theProxyIsNoBuildInput() throws Exception {
        assertEquals(
                BuildInputs.hash(new byte[32], plan(Map.of())),
                BuildInputs.hash(new byte[32], plan(Map.of(BuildPlan.BUILD_PROXY_VARIABLE, PROXY))),
                "an image built through the cache is the image built without it: up does not rebuild it");
    }

    @Test
    void withoutTheVariableTheBuildGetsItsOwnArgumentsOnly() throws Exception {
        assertEquals(Map.of("LEVEL", "2"), plan(Map.of()).engineBuildArgs());
    }
}
