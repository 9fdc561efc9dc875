package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {

    @TempDir
    Path dir;

    @Test
    void dockerLoginAuthIsDecoded() throws Exception {
        String auth = Base64.getEncoder().encodeToString("builder:pa:ss".getBytes(StandardCharsets.UTF_8));
        Path config = Files.writeString(
                dir.resolve("config.json"), "{\"auths\": {\"localhost:5000\": {\"auth\": \"" + auth + "\"}}}");

        assertEquals(
                Optional.of(new RegistryCredentials("builder", "pa:ss")),
                DockerConfigCredentials.lookup("localhost:5000", config));
        assertEquals(Optional.empty(), DockerConfigCredentials.lookup("other:5000", config));
        assertEquals(Optional.empty(), DockerConfigCredentials.lookup("localhost:5000", dir.resolve("missing.json")));
    }

    @Test
    void aMalformedConfigIsAnErrorThatNamesTheFileAndTheFix() throws Exception {
        Path notBase64 = Files.writeString(
                dir.resolve("config.json"), "{\"auths\": {\"localhost:5000\": {\"auth\": \"%%secret%%\"}}}");
        java.io.IOException failure = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.IOException.class, () -> DockerConfigCredentials.lookup("localhost:5000", notBase64));
        assertTrue(
                failure.getMessage().contains("auths.localhost:5000.auth is not the base64 of user:password"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("docker login localhost:5000"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("secret"), "the value is never shown");

        Path noColon = Files.writeString(
                dir.resolve("config.json"),
                "{\"auths\": {\"localhost:5000\": {\"auth\": \""
                        + Base64.getEncoder().encodeToString("justauser".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        org.junit.jupiter.api.Assertions.assertThrows(
                java.io.IOException.class, () -> DockerConfigCredentials.lookup("localhost:5000", noColon));

        Path broken = Files.writeString(dir.resolve("config.json"), "{\"auths\": {");
        java.io.IOException notJson = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.IOException.class, () -> DockerConfigCredentials.lookup("localhost:5000", broken));
        assertTrue(notJson.getMessage().contains("is not valid JSON (line 1"), notJson.getMessage());
    }

    @Test
    void missingCredentialHelperFallsBackToAuths() throws Exception {
        String auth = Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
        Path config = Files.writeString(
                dir.resolve("config.json"),
                "{\"credsStore\": \"no-such-helper\", \"auths\": {\"https://r.example.org\": {\"auth\": \"" + auth
                        + "\"}}}");
        assertEquals(
                Optional.of(new RegistryCredentials("u", "p")),
                DockerConfigCredentials.lookup("r.example.org", config));
    }

    @Test
    void dockerConfigDirectoryIsHonoured() {
        assertEquals(
                Path.of("/etc/ci/docker/config.json"),
                DockerConfigCredentials.configFile(Map.of("DOCKER_CONFIG", "/etc/ci/docker")));
    }

    @Test
    void passwordsNeverPrint() {
        assertTrue(!new RegistryCredentials("u", "s3cret").toString().contains("s3cret"));
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        RetryPolicy retry = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(1), retry.waitAfter(1));
        assertEquals(Duration.ofSeconds(2), retry.waitAfter(2));
        assertEquals(Duration.ofSeconds(3), retry.waitAfter(3));
        assertEquals(Duration.ofSeconds(3), retry.waitAfter(30));
    }
}
