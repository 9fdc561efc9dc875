package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the plugin's jar carries: every runtime artifact, as the plugin descriptor lists them, is shaded into it (so
 * that Maven resolves one artifact per goal, not these), and each is classes to open, index and load. The diet
 * (fabric8's Jib and assembly support excluded in the pom) took them from 72 to 45; this keeps them there.
 */
class PluginDependenciesTest {

    /** Raise it only for an artifact docstack loads, and say which in the commit. */
    private static final int MOST_RUNTIME_ARTIFACTS = 50;

    @Test
    void thePluginsRuntimeArtifactsDoNotGrow() throws Exception {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));
        Matcher artifacts = Pattern.compile(
                        "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(descriptor);
        List<String> names = artifacts
                .results()
                .map(found -> found.group(1) + ":" + found.group(2))
                .toList();

        assertTrue(
                names.contains("io.fabric8:docker-maven-plugin"),
                "the descriptor lists the runtime artifacts: " + names);
        assertTrue(
                names.size() <= MOST_RUNTIME_ARTIFACTS,
                names.size() + " runtime artifacts, more than " + MOST_RUNTIME_ARTIFACTS
                        + ": exclude what docstack never loads, as the pom does for fabric8's Jib and assembly support. "
                        + names);
        for (String never : List.of(
                "com.google.cloud.tools:jib-core",
                "org.apache.maven.plugins:maven-assembly-plugin",
                "org.codehaus.plexus:plexus-archiver",
                "io.grpc:grpc-context")) {
            assertTrue(!names.contains(never), never + " is back on the plugin's classpath");
        }
    }
}
