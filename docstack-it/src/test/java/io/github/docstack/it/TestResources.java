package io.github.docstack.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a directory of the test resources (a sample project or stack) somewhere the test may change it. */
public final class TestResources {

    private TestResources() {}

    /** Copies {@code /resource} (e.g. {@code /stacks/demo}) into {@code target}, keeping file modes. */
    public static Path copy(String resource, Path target) throws IOException, URISyntaxException {
        Path source = Path.of(TestResources.class.getResource(resource).toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
