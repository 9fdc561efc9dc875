package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The real {@code openstack} command, pointed at one cloud of the clouds.yaml that docstack rendered. */
final class OpenStackClient {

    private final String cloud;
    private final Path cloudsYaml;

    OpenStackClient(String cloud, Path cloudsYaml) {
        this.cloud = cloud;
        this.cloudsYaml = cloudsYaml;
    }

    /** Runs {@code openstack --os-cloud CLOUD ARGUMENTS}; fails the test unless it exits 0 within two minutes. */
    String run(String... arguments) throws Exception {
        Result result = attempt(arguments);
        assertEquals(0, result.exitCode(), "openstack " + String.join(" ", arguments) + ":\n" + result.output());
        return result.output();
    }

    /** Runs it until its output satisfies {@code done}, every two seconds, failing the test after {@code timeout}. */
    String runUntil(Duration timeout, Predicate<String> done, String... arguments) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Result result = attempt(arguments);
        while (result.exitCode() != 0 || !done.test(result.output())) {
            assertTrue(
                    System.nanoTime() < deadline,
                    "openstack " + String.join(" ", arguments) + " did not answer as expected within " + timeout + ":\n"
                            + result.output());
            TimeUnit.SECONDS.sleep(2);
            result = attempt(arguments);
        }
        return result.output();
    }

    private Result attempt(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openstack", "--os-cloud", cloud));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OS_CLIENT_CONFIG_FILE", cloudsYaml.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "openstack " + arguments[0] + " hung");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
