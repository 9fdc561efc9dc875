package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.stack.ComposeExport;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackPreparer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The exported Compose file, run by Debian's docker-compose 1.29.2, reaches the same healthy, wired state as up. */
class ComposeIT {

    @RegisterExtension
    static final RealEngine REAL = new RealEngine();

    @TempDir
    Path work;

    @Test
    void dockerComposeRunsTheExportedStack() throws Exception {
        TestResources.copy("/stacks/demo", work);
        Stack stack = StackLoader.load(work.resolve("stack.yaml")).stack();
        StackPreparer.Prepared prepared = StackPreparer.prepare(stack, REAL.engine(), RealEngine.CONSOLE, 0, 4);
        ComposeExport.ComposeFiles files =
                ComposeExport.write(prepared.deployment(), prepared.secrets(), work.resolve("out"));

        String project = "docstackcompose";
        try {
            assertEquals(0, compose(files.compose(), project, "up", "-d"));
            REAL.engine().waitHealthy(project + "_webapp_1", Duration.ofSeconds(60));
            assertEquals(
                    "webapp: account ok\n",
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:7002/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertEquals(
                    0,
                    REAL.engine()
                            .inspect(project + "_init-webapp-check-account_1")
                            .exitCode());
        } finally {
            compose(files.compose(), project, "down", "-v");
        }
    }

    private static int compose(Path file, String project, String... command) throws Exception {
        List<String> arguments =
                new java.util.ArrayList<>(List.of("docker-compose", "-p", project, "-f", file.toString()));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).inheritIO().start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
