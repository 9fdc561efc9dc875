package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeExportTest {

    @TempDir
    Path dir;

    @Test
    void oneShotsGateTheirConsumersAndSecretsStayInDotEnv() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        StackWiringTest fixtures = new StackWiringTest();
        Deployment deployment = fixtures.glanceAndMariadb(dir, secrets);

        ComposeExport.ComposeFiles files = ComposeExport.write(deployment, secrets, dir.resolve("out"));

        String compose = Files.readString(files.compose());
        assertTrue(
                compose.contains("provision-mariadb-glance:\n        condition: service_completed_successfully"),
                compose);
        assertTrue(
                compose.contains("mariadb:\n        condition: service_healthy"),
                "the image's own HEALTHCHECK gates too");
        assertTrue(compose.contains("${DOCSTACK_SECRET_ACCOUNT__MARIADB__GLANCE}"), compose);
        assertFalse(
                compose.contains(secrets.get(SecretKeys.account("mariadb", "glance"))),
                "no secret in the Compose file");
        assertFalse(compose.contains("\nname:"), "docker-compose 1.29 refuses a top-level name");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.env())));
        assertTrue(Files.readString(files.env())
                .contains("DOCSTACK_SECRET_ACCOUNT__MARIADB__GLANCE="
                        + secrets.get(SecretKeys.account("mariadb", "glance"))));
    }

    @Test
    void secretNamesThatDifferOnlyInTheirSignsGetVariablesOfTheirOwn() {
        List<String> names =
                List.of("account/a.b/c", "account/a/b.c", "account/a-b/c", "account/a_b/c", "own/a", "own/A");
        assertEquals(
                names.size() - 1,
                names.stream().map(SecretKeys::variable).distinct().count(),
                "one variable per lowercase name: "
                        + names.stream().map(SecretKeys::variable).toList());
        assertEquals("DOCSTACK_SECRET_ACCOUNT__A_D_B__C", SecretKeys.variable("account/a.b/c"));
    }

    @Test
    void addedLinuxCapabilitiesAreWrittenAsComposeCapAdd() throws Exception {
        SecretStore secrets = new SecretStore(dir.resolve("secrets.properties"));
        Deployment deployment = new StackWiringTest().glanceAndMariadb(dir, secrets);
        Deployment withCapAdd = new Deployment(
                deployment.stack(),
                deployment.network(),
                deployment.volumes(),
                deployment.units().stream()
                        .map(unit -> !unit.id().equals("glance-api")
                                ? unit
                                : new Deployment.Unit(
                                        unit.id(),
                                        unit.project(),
                                        unit.kind(),
                                        unit.spec().withCapAdd(List.of("NET_ADMIN")),
                                        unit.after(),
                                        unit.readiness(),
                                        unit.configHash(),
                                        unit.ports()))
                        .toList(),
                deployment.outputs(),
                deployment.stateDirectory(),
                deployment.verifications(),
                deployment.secrets());

        String compose = Files.readString(
                ComposeExport.write(withCapAdd, secrets, dir.resolve("out")).compose());

        assertTrue(compose.contains("cap_add:\n    - NET_ADMIN"), compose);
    }
}
