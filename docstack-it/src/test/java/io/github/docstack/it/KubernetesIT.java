package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docstack:kubernetes on the sample cloud (devstack's default set), run through the real Maven: every object is
 * checked against Kubernetes' schema by the goal itself, read by the real kubectl (client-side: no cluster runs
 * here), and wired so every wait names a Job or Service the files define, with no secret outside the Secret.
 */
class KubernetesIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    @TempDir
    Path work;

    @Test
    void theSampleCloudWrittenForKubernetes() throws Exception {
        SampleCloud.load(work, "cloud-k8s", null);
        // The goal resolves every project's image as up does: the first run on a machine builds all twelve.
        MavenRun.Result export =
                MavenRun.run(Duration.ofMinutes(30), work, MavenRun.settings(work, ""), "docstack:kubernetes");
        assertTrue(export.succeeded(), export.log());
        Path directory = work.resolve(".docstack/cloud-k8s/kubernetes"); // no project: under the stack directory
        assertTrue(export.log().contains("Run it with: kubectl apply -f "), export.log());

        List<JsonNode> objects = documents(directory.resolve("stack.yaml"));
        Set<String> services = names(objects, "Service");
        Set<String> workloads = names(objects, "Deployment");
        workloads.addAll(names(objects, "StatefulSet"));
        Set<String> jobs = names(objects, "Job");
        System.out.printf(
                "[kubernetes-it] %d objects: %d Services, %d workloads, %d Jobs%n",
                objects.size(), services.size(), workloads.size(), jobs.size());
        assertEquals(services, workloads, "each service: a Service and the workload behind it");
        assertTrue(
                services.containsAll(
                        List.of("keystone", "nova-compute", "neutron-server", "cinder-volume", "horizon", "ceph")),
                services.toString());
        assertTrue(jobs.containsAll(List.of("init-keystone-bootstrap", "provision-keystone-nova")), jobs.toString());
        for (JsonNode object : objects) {
            for (JsonNode wait : object.at("/spec/template/spec/initContainers")) {
                for (JsonNode variable : wait.get("env")) {
                    String value = variable.path("value").asText();
                    if (variable.get("name").asText().equals("DEPENDENCY_JOBS") && !value.isEmpty()) {
                        assertTrue(
                                jobs.containsAll(List.of(value.split(","))),
                                object.at("/metadata/name") + " waits for " + value);
                    }
                    if (variable.get("name").asText().equals("DEPENDENCY_SERVICE") && !value.isEmpty()) {
                        assertTrue(
                                services.containsAll(List.of(value.split(","))),
                                object.at("/metadata/name") + " waits for " + value);
                    }
                }
            }
        }

        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(work.resolve(".docstack/cloud-k8s/secrets.properties"))) {
            secrets.load(in);
        }
        String stack = Files.readString(directory.resolve("stack.yaml"))
                + Files.readString(directory.resolve("verify/jobs.yaml"));
        secrets.forEach((key, secret) -> assertFalse(
                !key.equals("docstack.secrets-id") && stack.contains(secret.toString()),
                "secret " + key + " is written outside secret.yaml"));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("secret.yaml"))));

        // kubectl reads every object of the directory, and knows each kind, without a cluster (--local).
        List<String> read =
                kubectl("label", "--local", "-R", "-f", directory.toString(), "-o", "name", "checked-by=kubectl");
        int documents = objects.size()
                + documents(directory.resolve("secret.yaml")).size()
                + documents(directory.resolve("verify/jobs.yaml")).size();
        assertEquals(documents, read.size(), String.join("\n", read));
        assertTrue(
                read.contains("statefulset.apps/mariadb") && read.contains("job.batch/init-keystone-bootstrap"),
                String.join("\n", read));
    }

    private static List<String> kubectl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(arguments));
        return Commands.run(command.toArray(String[]::new)).lines().toList();
    }

    private static List<JsonNode> documents(Path file) throws Exception {
        return new ObjectMapper(new YAMLFactory())
                .readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll().stream()
                        .filter(document -> !document.isMissingNode() && !document.isNull())
                        .toList();
    }

    private static Set<String> names(List<JsonNode> objects, String kind) {
        Set<String> names = new TreeSet<>();
        objects.stream()
                .filter(object -> object.get("kind").asText().equals(kind))
                .forEach(object -> names.add(object.at("/metadata/name").asText()));
        return names;
    }
}
