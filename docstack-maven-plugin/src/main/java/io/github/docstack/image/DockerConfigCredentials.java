package io.github.docstack.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.docstack.engine.RegistryCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials as {@code docker login} keeps them: {@code ~/.docker/config.json} (or
 * {@code $DOCKER_CONFIG/config.json}), per-registry {@code credHelpers}, the {@code credsStore}, then plain
 * {@code auths} entries.
 */
public final class DockerConfigCredentials {

    private DockerConfigCredentials() {}

    public static Path configFile(Map<String, String> environment) {
        String dir = environment.get("DOCKER_CONFIG");
        return dir != null && !dir.isBlank()
                ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /**
     * The credentials {@code docker login} stored for {@code registry} in {@code configFile}, if any.
     *
     * @throws IOException when the file cannot be read or is not what docker login writes, naming the file and the fix
     */
    public static Optional<RegistryCredentials> lookup(String registry, Path configFile) throws IOException {
        if (!Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(configFile.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(
                    configFile + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): fix it, or move it away and run docker login "
                            + registry + " again");
        }
        String helper = config.path("credHelpers")
                .path(registry)
                .asText(config.path("credsStore").asText(""));
        if (!helper.isEmpty()) {
            Optional<RegistryCredentials> fromHelper = fromHelper(helper, registry);
            if (fromHelper.isPresent()) {
                return fromHelper;
            }
        }
        for (String key : new String[] {registry, "http://" + registry, "https://" + registry}) {
            JsonNode entry = config.path("auths").path(key);
            if (entry.hasNonNull("auth")) {
                String decoded = decodeAuth(entry.get("auth").asText());
                int colon = decoded == null ? -1 : decoded.indexOf(':');
                if (colon <= 0) {
                    // Never the value itself in the message: it may be most of a password.
                    throw new IOException(
                            configFile + ": auths." + key + ".auth is not the base64 of user:password that"
                                    + " docker login writes: run docker login " + registry + " again");
                }
                return Optional.of(new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
            }
            if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
                return Optional.of(new RegistryCredentials(
                        entry.get("username").asText(), entry.get("password").asText()));
            }
        }
        return Optional.empty();
    }

    private static String decodeAuth(String auth) {
        try {
            return new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** Asks {@code docker-credential-HELPER get}; empty when the helper is missing or knows no credentials. */
    private static Optional<RegistryCredentials> fromHelper(String helper, String registry) {
        try {
            Process process = new ProcessBuilder("docker-credential-" + helper, "get")
                    .redirectErrorStream(false)
                    .start();
            process.getOutputStream().write(registry.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            JsonNode answer = new ObjectMapper().readTree(process.getInputStream());
            return Optional.of(new RegistryCredentials(
                    answer.path("Username").asText(), answer.path("Secret").asText()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
