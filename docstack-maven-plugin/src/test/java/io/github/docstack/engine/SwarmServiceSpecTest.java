package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmServiceSpecTest {

    private static final String PASSWORD = "s3cr3t'pw";
    private static final Map<String, String> SECRETS = Map.of(PASSWORD, "DOCSTACK_SECRET_OWN__KEYSTONE");
    private static final Map<String, SwarmServiceSpec.SecretRef> REFS =
            Map.of("DOCSTACK_SECRET_OWN__KEYSTONE", new SwarmServiceSpec.SecretRef("id1", "cloud_own__keystone_0123"));
    private static final SwarmServiceSpec.ImageRun IMAGE =
            new SwarmServiceSpec.ImageRun(List.of("/entrypoint.sh"), List.of("serve"));

    private static ContainerSpec keystone() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DATABASE_URL", "mysql://keystone:" + PASSWORD + "@mariadb/keystone");
        environment.put("REGION", "RegionOne");
        return ContainerSpec.of("keystone:dev")
                .withName("cloud-keystone")
                .withEnvironment(environment)
                .withLabels(Map.of("io.github.docstack.stack", "cloud"))
                .withPorts(Map.of(5000, 15000))
                .withNetwork("cloud", List.of("keystone"))
                .withVolumes(Map.of("cloud_keys", "/keys"));
    }

    @Test
    void aSecretIsReadFromItsSwarmSecretAndNeverWrittenInTheSpec() {
        JsonNode service = SwarmServiceSpec.of(keystone(), null, false, SECRETS, REFS, IMAGE);

        assertFalse(service.toString().contains("s3cr3t"), service.toString());
        JsonNode container = service.at("/TaskTemplate/ContainerSpec");
        assertEquals(
                "[\"REGION=RegionOne\"]", container.get("Env").toString(), "only what holds no secret stays in Env");
        assertEquals(
                "cloud_own__keystone_0123",
                container.at("/Secrets/0/SecretName").asText());
        assertEquals(
                "DOCSTACK_SECRET_OWN__KEYSTONE",
                container.at("/Secrets/0/File/Name").asText());
        String script = container.at("/Command/2").asText();
        assertTrue(
                script.contains("DOCSTACK_SECRET_OWN__KEYSTONE=$(cat /run/secrets/DOCSTACK_SECRET_OWN__KEYSTONE)"),
                script);
        assertTrue(
                script.contains(
                        "export DATABASE_URL='mysql://keystone:'\"${DOCSTACK_SECRET_OWN__KEYSTONE}\"'@mariadb/keystone'"),
                script);
        assertTrue(script.endsWith("exec '/entrypoint.sh' 'serve'\n"), "then what the image runs: " + script);
    }

    @Test
    void withoutSecretsTheCommandIsTheSpecsOwn() {
        JsonNode service = SwarmServiceSpec.of(
                keystone().withEnvironment(Map.of()).withCommand(List.of("serve", "--debug")),
                null,
                false,
                SECRETS,
                Map.of(),
                IMAGE);

        JsonNode container = service.at("/TaskTemplate/ContainerSpec");
        assertTrue(container.path("Command").isMissingNode(), "the image's entrypoint stays");
        assertEquals("[\"serve\",\"--debug\"]", container.get("Args").toString());
        assertTrue(container.path("Secrets").isMissingNode());
    }

    @Test
    void madeWithNoReplicaAnsweringToItsNameWithItsPortsOnItsNode() {
        JsonNode service = SwarmServiceSpec.of(keystone(), null, false, SECRETS, REFS, IMAGE);

        assertEquals(0, service.at("/Mode/Replicated/Replicas").asInt(), "made, not started");
        assertEquals(
                "dnsrr", service.at("/EndpointSpec/Mode").asText(), "the name resolves to the task: no IPVS needed");
        assertEquals("host", service.at("/EndpointSpec/Ports/0/PublishMode").asText());
        assertEquals(15000, service.at("/EndpointSpec/Ports/0/PublishedPort").asInt());
        assertEquals(
                "[\"keystone\"]", service.at("/TaskTemplate/Networks/0/Aliases").toString());
        assertEquals(
                "[\"NONE\"]",
                service.at("/TaskTemplate/ContainerSpec/Healthcheck/Test").toString(),
                "docstack gates readiness; a Swarm healthcheck would hide the name until its first check");
        assertEquals(
                "cloud_keys",
                service.at("/TaskTemplate/ContainerSpec/Mounts/0/Source").asText());
    }

    @Test
    void aPlacedProjectRunsOnItsNodeAndAnyOtherWhereverSwarmPutsIt() {
        assertEquals(
                "[\"node.hostname == compute-1\"]",
                SwarmServiceSpec.of(keystone(), "compute-1", true, SECRETS, REFS, IMAGE)
                        .at("/TaskTemplate/Placement/Constraints")
                        .toString());
        assertTrue(SwarmServiceSpec.of(keystone(), null, false, SECRETS, REFS, IMAGE)
                .at("/TaskTemplate/Placement")
                .isMissingNode());
    }

    @Test
    void onAnotherNodeTheSwarmRunsTheCheckAtTheStartIntervalReadingItsSecretFromItsFile() {
        ContainerSpec placed = keystone()
                .withHealthcheck(new Healthcheck(
                        List.of("mysqladmin", "ping", "-p" + PASSWORD),
                        java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofSeconds(10),
                        3,
                        java.time.Duration.ofMinutes(5),
                        java.time.Duration.ofMillis(500)));

        JsonNode check = SwarmServiceSpec.of(placed, "compute-1", true, SECRETS, REFS, IMAGE)
                .at("/TaskTemplate/ContainerSpec/Healthcheck");

        assertEquals(500_000_000L, check.get("Interval").asLong(), "up's start interval: the task runs once it passes");
        assertEquals("CMD-SHELL", check.at("/Test/0").asText());
        assertFalse(check.toString().contains("s3cr3t"), check.toString());
        assertTrue(
                check.at("/Test/1").asText().startsWith("DOCSTACK_SECRET_OWN__KEYSTONE=$(cat /run/secrets/"),
                check.toString());
        assertEquals(
                "[\"NONE\"]",
                SwarmServiceSpec.of(placed, null, false, SECRETS, REFS, IMAGE)
                        .at("/TaskTemplate/ContainerSpec/Healthcheck/Test")
                        .toString(),
                "on the manager's node, up checks it itself");
    }
}
