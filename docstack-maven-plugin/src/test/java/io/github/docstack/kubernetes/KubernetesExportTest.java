package io.github.docstack.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Healthcheck;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.Readiness;
import io.github.docstack.stack.SecretKeys;
import io.github.docstack.stack.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesExportTest {

    private static final Healthcheck MARIADB_CHECK = new Healthcheck(
            List.of("healthcheck.sh"),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            3,
            Duration.ofMinutes(5),
            Duration.ofMillis(500));

    @TempDir
    Path dir;

    private SecretStore secrets;
    private String rootPassword;
    private String keystonePassword;
    private String adminPassword;

    @BeforeEach
    void secrets() throws Exception {
        secrets = new SecretStore(dir.resolve("secrets.properties"));
        rootPassword = secrets.get(SecretKeys.own("mariadb"));
        keystonePassword = secrets.get(SecretKeys.account("mariadb", "keystone"));
        adminPassword = secrets.get(SecretKeys.ADMIN);
    }

    @Test
    void everyObjectWrittenIsValidByKubernetesOwnSchema() throws Exception {
        KubernetesExport.KubernetesFiles files = KubernetesExport.write(
                cloud(), secrets, dir.resolve("kubernetes"), KubernetesManifests.Options.defaults());
        KubernetesSchema schema = new KubernetesSchema();

        List<JsonNode> objects = new ArrayList<>(documents(files.stack()));
        objects.addAll(documents(files.secret()));
        objects.addAll(documents(files.verify()));

        assertEquals(
                List.of(
                        "ServiceAccount",
                        "Role",
                        "RoleBinding",
                        "PersistentVolumeClaim",
                        "Service",
                        "StatefulSet",
                        "Job",
                        "Job",
                        "Service",
                        "Deployment",
                        "Service",
                        "Deployment",
                        "Secret",
                        "Job"),
                objects.stream().map(object -> object.get("kind").asText()).toList());
        for (JsonNode object : objects) {
            assertEquals(List.of(), schema.problems(object), object.get("kind") + " " + object.at("/metadata/name"));
        }
    }

    @Test
    void theSchemaCheckCatchesAFieldKubernetesDoesNotKnow() throws Exception {
        JsonNode job =
                documents(KubernetesExport.write(cloud(), secrets, dir, KubernetesManifests.Options.defaults())
                                .stack())
                        .stream()
                        .filter(object -> object.get("kind").asText().equals("Job"))
                        .findFirst()
                        .orElseThrow();
        ((com.fasterxml.jackson.databind.node.ObjectNode) job.get("spec")).put("restartPolicy", "Never");

        assertEquals(1, new KubernetesSchema().problems(job).size(), "restartPolicy belongs to the pod, not the Job");
    }

    @Test
    void servicesAnswerToTheirNamesAndStepsRunOnceAsJobs() throws Exception {
        KubernetesManifests.Manifests manifests =
                KubernetesManifests.of(cloud(), Map.of(), KubernetesManifests.Options.defaults());

        JsonNode keystoneService = object(manifests, "Service", "keystone");
        assertEquals("None", keystoneService.at("/spec/clusterIP").asText(), "headless: the name resolves to the pod");
        assertEquals(5000, keystoneService.at("/spec/ports/0/port").asInt());
        JsonNode podLabels = object(manifests, "Deployment", "keystone").at("/spec/template/metadata/labels");
        keystoneService
                .at("/spec/selector")
                .fields()
                .forEachRemaining(label -> assertEquals(
                        label.getValue(),
                        podLabels.get(label.getKey()),
                        "the Service selects the pod by " + label.getKey()));
        assertTrue(
                object(manifests, "Service", "neutron-agents").at("/spec/ports").isMissingNode(),
                "a service without ports still answers to its name");

        JsonNode step = object(manifests, "Job", "init-keystone-db-sync");
        assertEquals(0, step.at("/spec/backoffLimit").asInt(), "a failed step fails, as on one engine");
        assertEquals("Never", step.at("/spec/template/spec/restartPolicy").asText());
    }

    @Test
    void aServiceWithAVolumeIsAStatefulSetOnItsClaim() throws Exception {
        KubernetesManifests.Manifests manifests =
                KubernetesManifests.of(cloud(), Map.of(), KubernetesManifests.Options.defaults());

        JsonNode mariadb = object(manifests, "StatefulSet", "mariadb");
        assertEquals("mariadb", mariadb.at("/spec/serviceName").asText());
        assertEquals(
                "cloud-mariadb-data",
                mariadb.at("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName")
                        .asText());
        assertEquals(
                "/var/lib/mysql",
                mariadb.at("/spec/template/spec/containers/0/volumeMounts/0/mountPath")
                        .asText());
        assertEquals(
                "1Gi",
                object(manifests, "PersistentVolumeClaim", "cloud-mariadb-data")
                        .at("/spec/resources/requests/storage")
                        .asText());
    }

    @Test
    void eachWaitIsAnInitContainerForTheJobsAndTheReadyServicesItComesAfter() throws Exception {
        KubernetesManifests.Manifests manifests =
                KubernetesManifests.of(cloud(), Map.of(), KubernetesManifests.Options.defaults());

        JsonNode pod = object(manifests, "Job", "init-keystone-db-sync").at("/spec/template/spec");
        assertEquals("cloud-wait", pod.at("/serviceAccountName").asText());
        JsonNode wait = pod.at("/initContainers/0");
        assertEquals(KubernetesManifests.DEFAULT_WAIT_IMAGE, wait.at("/image").asText());
        assertEquals("mariadb", environment(wait).get("DEPENDENCY_SERVICE"));
        assertEquals("provision-mariadb-keystone", environment(wait).get("DEPENDENCY_JOBS"));
        assertTrue(
                object(manifests, "StatefulSet", "mariadb")
                        .at("/spec/template/spec/initContainers")
                        .isMissingNode(),
                "nothing to wait for");
        JsonNode role = object(manifests, "Role", "cloud-wait");
        assertEquals(
                "[\"get\",\"list\"]", role.at("/rules/1/verbs").toString(), "the wait reads Jobs, and may do no more");
    }

    @Test
    void theHealthcheckGatesTheStartFastAndIsCheckedSlowlyOnceUp() throws Exception {
        KubernetesManifests.Manifests manifests =
                KubernetesManifests.of(cloud(), Map.of(), KubernetesManifests.Options.defaults());

        JsonNode mariadb = object(manifests, "StatefulSet", "mariadb").at("/spec/template/spec/containers/0");
        assertEquals(1, mariadb.at("/startupProbe/periodSeconds").asInt(), "docstack's 500 ms, in whole seconds");
        assertEquals(300, mariadb.at("/startupProbe/failureThreshold").asInt(), "for the 5 min start period");
        assertEquals(30, mariadb.at("/readinessProbe/periodSeconds").asInt());
        assertEquals(3, mariadb.at("/readinessProbe/failureThreshold").asInt());
        assertTrue(
                mariadb.at("/livenessProbe").isMissingNode(),
                "the engine never restarts an unhealthy container either");
        assertTrue(object(manifests, "Deployment", "neutron-agents")
                .at("/spec/template/spec/containers/0/readinessProbe")
                .isMissingNode());
    }

    @Test
    void noSecretIsWrittenOutsideTheSecretWhichOnlyItsOwnerReads() throws Exception {
        KubernetesExport.KubernetesFiles files = KubernetesExport.write(
                cloud(), secrets, dir.resolve("kubernetes"), KubernetesManifests.Options.defaults());

        String stack = Files.readString(files.stack());
        for (String secret : List.of(rootPassword, keystonePassword, adminPassword)) {
            assertFalse(stack.contains(secret), "a secret in stack.yaml");
            assertFalse(Files.readString(files.verify()).contains(secret), "a secret in verify/jobs.yaml");
            assertTrue(Files.readString(files.secret()).contains(secret));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.secret())));

        JsonNode step = documents(files.stack()).stream()
                .filter(object -> object.at("/metadata/name").asText().equals("init-keystone-db-sync"))
                .findFirst()
                .orElseThrow()
                .at("/spec/template/spec/containers/0");
        String variable = SecretKeys.variable("account/mariadb/keystone");
        assertEquals(variable, step.at("/env/0/name").asText(), "defined before the variables that refer to it");
        assertEquals(
                "cloud-secrets", step.at("/env/0/valueFrom/secretKeyRef/name").asText());
        assertEquals(
                "mysql+pymysql://keystone:$(" + variable + ")@mariadb/keystone",
                environment(step).get("DATABASE_URL"));
    }

    @Test
    void secretsInACommandAreExpandedByKubernetesAndInAProbeByTheShell() throws Exception {
        KubernetesManifests.Manifests manifests =
                KubernetesManifests.of(cloud(), secretValues(), KubernetesManifests.Options.defaults());

        JsonNode keystone = object(manifests, "Deployment", "keystone").at("/spec/template/spec/containers/0");
        assertEquals(
                "--password=$(" + SecretKeys.variable(SecretKeys.ADMIN.name()) + ")",
                keystone.at("/args/1").asText());
        assertEquals("$$(not a variable)", environment(keystone).get("PRICE"), "a literal $( stays literal");

        JsonNode probe = object(manifests, "StatefulSet", "mariadb")
                .at("/spec/template/spec/containers/0/startupProbe/exec/command");
        assertEquals(
                "[\"sh\",\"-c\",\"exec 'mysqladmin' 'ping' '-p'\\\"${"
                        + SecretKeys.variable(SecretKeys.own("mariadb").name()) + "}\\\"''\"]",
                probe.toString());
    }

    @Test
    void addedCapabilitiesAndANumericUserGoToTheSecurityContextAndANamedUserIsReported() throws Exception {
        KubernetesManifests.Manifests manifests =
                KubernetesManifests.of(cloud(), Map.of(), KubernetesManifests.Options.defaults());

        JsonNode agents = object(manifests, "Deployment", "neutron-agents")
                .at("/spec/template/spec/containers/0/securityContext");
        assertEquals("[\"NET_ADMIN\"]", agents.at("/capabilities/add").toString());
        assertEquals(1000, agents.at("/runAsUser").asInt());
        assertNull(object(manifests, "Deployment", "keystone")
                .at("/spec/template/spec/containers/0")
                .get("securityContext"));
        assertEquals(
                List.of(
                        "keystone: user keystone is a name, and Kubernetes takes only a number (runAsUser); the container"
                                + " runs as its image's user",
                        "verify-tempest: its JUnit reports stay in the Job's pod (/reports); copy them"
                                + " out with kubectl cp before the pod is removed"),
                manifests.unmapped());
    }

    /** A small cloud: mariadb with its data, a provision step, an init step, keystone, and agents without ports. */
    private Deployment cloud() {
        ContainerSpec mariadbSpec = ContainerSpec.of("mariadb:dev")
                .withName("cloud-mariadb")
                .withEnvironment(Map.of("MARIADB_ROOT_PASSWORD", rootPassword))
                .withPorts(Map.of(3306, 13306))
                .withVolumes(Map.of("cloud_mariadb-data", "/var/lib/mysql"))
                .withHealthcheck(MARIADB_CHECK)
                .withNetwork("cloud", List.of("mariadb"));
        Deployment.Unit mariadb = new Deployment.Unit(
                "mariadb",
                "mariadb",
                Deployment.Kind.SERVICE,
                mariadbSpec,
                Set.of(),
                new Readiness(
                        List.of("mysqladmin", "ping", "-p" + rootPassword),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(10)),
                "hash-mariadb",
                Map.of(3306, 13306));
        Deployment.Unit provision = new Deployment.Unit(
                "provision-mariadb-keystone",
                "mariadb",
                Deployment.Kind.PROVISION,
                ContainerSpec.of("mariadb:dev")
                        .withCommand(List.of("provision-database", "keystone"))
                        .withEnvironment(Map.of("PASSWORD", keystonePassword)),
                Set.of("mariadb"),
                null,
                "hash-provision",
                Map.of());
        Deployment.Unit dbSync = new Deployment.Unit(
                "init-keystone-db-sync",
                "keystone",
                Deployment.Kind.INIT,
                ContainerSpec.of("keystone:dev")
                        .withCommand(List.of("keystone-manage", "db_sync"))
                        .withEnvironment(Map.of(
                                "DATABASE_URL", "mysql+pymysql://keystone:" + keystonePassword + "@mariadb/keystone")),
                Set.of("mariadb", "provision-mariadb-keystone"),
                null,
                "hash-db-sync",
                Map.of());
        Map<String, String> keystoneEnvironment = new LinkedHashMap<>();
        keystoneEnvironment.put("PRICE", "$(not a variable)");
        Deployment.Unit keystone = new Deployment.Unit(
                "keystone",
                "keystone",
                Deployment.Kind.SERVICE,
                ContainerSpec.of("keystone:dev")
                        .withCommand(List.of("keystone-wsgi", "--password=" + adminPassword))
                        .withEnvironment(keystoneEnvironment)
                        .withPorts(Map.of(5000, 15000))
                        .withUser("keystone")
                        .withNetwork("cloud", List.of("keystone")),
                Set.of("init-keystone-db-sync"),
                new Readiness(
                        List.of("curl", "-fsS", "http://localhost:5000/v3"),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(10)),
                "hash-keystone",
                Map.of(5000, 15000));
        Deployment.Unit agents = new Deployment.Unit(
                "neutron-agents",
                "neutron",
                Deployment.Kind.SERVICE,
                ContainerSpec.of("neutron:dev")
                        .withCapAdd(List.of("NET_ADMIN"))
                        .withUser("1000:1000")
                        .withNetwork("cloud", List.of("neutron-agents")),
                Set.of("keystone"),
                null,
                "hash-agents",
                Map.of());
        Deployment.Verification tempest = new Deployment.Verification(
                "verify-tempest",
                "tempest",
                ContainerSpec.of("tempest:dev").withEnvironment(Map.of("OS_PASSWORD", adminPassword)),
                "/reports");
        return new Deployment(
                "cloud",
                "cloud",
                List.of(new Deployment.Volume("cloud_mariadb-data", null)),
                List.of(mariadb, provision, dbSync, keystone, agents),
                List.of(),
                dir,
                List.of(tempest),
                new Deployment.Secrets("id", Set.of(rootPassword, keystonePassword, adminPassword)));
    }

    private Map<String, String> secretValues() {
        Map<String, String> values = new LinkedHashMap<>();
        secrets.all().forEach((key, value) -> values.put(SecretKeys.variable(key), value));
        return values;
    }

    private static List<JsonNode> documents(Path file) throws Exception {
        return new ObjectMapper(new YAMLFactory())
                .readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll().stream()
                        .filter(document -> !document.isMissingNode() && !document.isNull())
                        .toList();
    }

    private static JsonNode object(KubernetesManifests.Manifests manifests, String kind, String name) {
        return manifests.objects().stream()
                .filter(object -> object.getKind().equals(kind)
                        && object.getMetadata().getName().equals(name))
                .map(object -> new ObjectMapper().<JsonNode>valueToTree(object))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(variable -> variable.has("value"))
                .forEach(variable -> environment.put(
                        variable.get("name").asText(), variable.get("value").asText()));
        return environment;
    }
}
