package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLoaderTest {

    @TempDir
    Path dir;

    private StackLoader.Result load(String text) throws Exception {
        return StackLoader.load(Files.writeString(dir.resolve("stack.yaml"), text));
    }

    private static List<String> problems(StackLoader.Result result) {
        return result.report().problems().stream()
                .map(p -> p.rule().id() + "@" + p.position())
                .toList();
    }

    @Test
    void shortAndLongProjectFormsWithChannels() throws Exception {
        Files.createDirectories(dir.resolve("glance/docstack"));
        StackLoader.Result result = load("""
                apiVersion: docstack/v1
                kind: Stack
                name: devcloud
                registry: localhost:5000/docstack
                release: "2025.2"
                projects:
                  - mariadb
                  - {name: keystone, release: milestone, node: controller-1}
                  - {name: glance, path: glance}
                """);

        Stack stack = result.stack();
        assertEquals(List.of(), problems(result));
        assertEquals("controller-1", stack.projects().get(1).node(), "on a Swarm, keystone runs there");
        assertEquals("devcloud", stack.name());
        assertEquals("2025.2", stack.release());
        assertEquals(
                new Stack.Project("mariadb", null, null, null), stack.projects().get(0));
        assertEquals("milestone", stack.projects().get(1).release());
        assertEquals(dir.resolve("glance"), stack.projects().get(2).path());
    }

    @Test
    void profilesBringOptionalProjectsInByDefaultOrAsAsked() throws Exception {
        Stack stack = load("""
                apiVersion: docstack/v1
                kind: Stack
                name: cloud
                profiles: [compute, network]
                projects:
                  - keystone
                  - {name: nova, profiles: [compute]}
                  - {name: neutron, profiles: [compute, network]}
                  - {name: cinder, profiles: [volume]}
                """).stack();

        assertEquals(
                List.of("keystone", "nova", "neutron"),
                names(stack.withProfiles(null)),
                "the stack's own profiles by default");
        assertEquals(List.of("keystone", "neutron"), names(stack.withProfiles(List.of("network"))));
        assertEquals(List.of("keystone", "cinder"), names(stack.withProfiles(List.of("volume"))));
        assertEquals(List.of("keystone"), names(stack.withProfiles(List.of(Stack.NO_PROFILES))));
        StackException unknown = assertThrows(StackException.class, () -> stack.withProfiles(List.of("dashbord")));
        assertEquals(
                "No project of stack cloud has the profile dashbord: its profiles are compute, network, volume (or none"
                        + " for only the projects without one)",
                unknown.getMessage());
    }

    private static List<String> names(Stack stack) {
        return stack.projects().stream().map(Stack.Project::name).toList();
    }

    @Test
    void mistakesAreReportedWithRuleAndPlace() throws Exception {
        StackLoader.Result result = load("""
                apiVersion: docstack/v1
                kind: Stak
                name: Dev Cloud
                projects:
                  - keystone
                  - {name: keystone, pth: ../keystone}
                  - {name: glance, path: ../nowhere}
                """);

        assertNull(result.stack(), "no stack when there are errors");
        assertEquals(
                List.of(
                        "api-version@2:7",
                        "invalid-name@3:7",
                        "duplicate-project@6:12",
                        "unknown-key@6:22",
                        "build-context-missing@7:26"),
                problems(result));
    }

    @Test
    void missingStackFileSaysWhatToWrite() {
        StackLoader.Result result = StackLoader.load(dir.resolve("stack.yaml"));
        assertEquals(List.of("manifest-missing@1:1"), problems(result));
    }
}
