package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.dockerfile.DockerIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing is the context as Docker sends it, though it skips what can send nothing. */
class ContextListingTest {

    @TempDir
    Path context;

    @Test
    void anIgnoredDirectoryStillSendsTheDockerfileAndWhatAPatternIncludesAgain() throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "build\ntools\n!tools/keep.sh\n");
        write("build/docstack/Dockerfile");
        write("build/output.bin");
        write("tools/keep.sh");
        write("tools/other.sh");
        write("app.py");

        assertEquals(
                List.of(".dockerignore", "app.py", "build/docstack/Dockerfile", "tools/keep.sh"),
                names(Set.of("build/docstack/Dockerfile", ".dockerignore"), Set.of()));
    }

    @Test
    void theListingIsInTheArchivesOrderAndLeavesDocstacksOutputOut() throws IOException {
        write("a/b");
        write("a.txt");
        write(".docstack/demo/compose.yaml");

        assertEquals(List.of("a", "a.txt", "a/b"), names(Set.of(), Set.of(".docstack")));
    }

    private List<String> names(Set<String> alwaysSent, Set<String> neverSent) throws IOException {
        return ContextListing.of(context, DockerIgnore.of(context), alwaysSent, neverSent).stream()
                .map(ContextListing.Entry::name)
                .toList();
    }

    private void write(String name) throws IOException {
        Path file = context.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
    }
}
