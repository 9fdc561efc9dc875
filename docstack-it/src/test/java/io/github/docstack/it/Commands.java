package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command line run as a person runs it (docker, kubectl, ip), for the ITs that set up or check with one. */
final class Commands {

    private Commands() {}

    /** Runs the command, asserts that it exits 0 within 3 minutes, and returns its output (stderr included). */
    static String run(String... command) throws Exception {
        Path output = Files.createTempFile("command", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            assertTrue(
                    process.waitFor(3, TimeUnit.MINUTES), String.join(" ", command) + " did not finish in 3 minutes");
            String out = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + out);
            return out;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Whether the command exits 0 within 2 minutes; for clean-up, which goes on either way. */
    static boolean succeeds(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0;
    }
}
