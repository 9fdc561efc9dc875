package io.github.docstack.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real registry (Debian's docker-registry) that demands a user name and password (htpasswd, bcrypt), on a
 * free loopback port, for the lifetime of one test class. Docker treats 127.0.0.0/8 as an insecure registry,
 * so plain HTTP works.
 */
final class AuthenticatedRegistry implements BeforeAllCallback, AfterAllCallback {

    static final String USER = "builder";
    static final String PASSWORD = "s3cret-" + Long.toHexString(System.nanoTime());

    private Process process;
    private Path directory;
    private int port;

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("docstack-auth-registry");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process htpasswd = new ProcessBuilder("htpasswd", "-Bbn", USER, PASSWORD).start();
        String entry = new String(htpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (htpasswd.waitFor() != 0 || entry.isEmpty()) {
            throw new IllegalStateException("htpasswd failed: install apache2-utils (scripts/host-setup does)");
        }
        Files.writeString(directory.resolve("htpasswd"), entry + "\n");
        Files.writeString(directory.resolve("config.yml"), """
                version: 0.1
                log: {level: warn}
                storage: {filesystem: {rootdirectory: %s/data}}
                http: {addr: 127.0.0.1:%d}
                auth: {htpasswd: {realm: docstack-it, path: %s/htpasswd}}
                """.formatted(directory, port, directory));
        process = new ProcessBuilder(
                        "docker-registry",
                        "serve",
                        directory.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (status() != 401) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(
                        "the test registry did not start: " + Files.readString(directory.resolve("registry.log")));
            }
            Thread.onSpinWait();
        }
    }

    private int status() {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/"))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }
}
