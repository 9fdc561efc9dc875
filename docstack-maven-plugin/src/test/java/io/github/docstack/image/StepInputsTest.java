package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.docstack.dockerfile.DockerIgnore;
import io.github.docstack.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An init step's inputs are fingerprinted as the build sends them: their files, nothing else. */
class StepInputsTest {

    @TempDir
    Path context;

    private Manifest manifest;

    @BeforeEach
    void checkout() throws Exception {
        write("keystone/common/sql/migrations/001_initial.py", "create\n");
        write("keystone/api/users.py", "users\n");
        write("keystone/common/sql/__pycache__/core.pyc", "cache\n");
        write(".dockerignore", "**/__pycache__\n");
        manifest = new Manifest(
                "docstack/v1",
                "keystone",
                null,
                Manifest.BuildSpec.DEFAULT,
                List.of(),
                List.of(),
                List.of(
                        new Manifest.Step(
                                "db-sync",
                                List.of("keystone-manage", "db_sync"),
                                Map.of(),
                                null,
                                List.of("keystone/common/sql")),
                        new Manifest.Step("bootstrap", List.of("keystone-manage", "bootstrap"), Map.of(), null)),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void onlyStepsWithInputsGetADigestAndItChangesWithTheirFilesAlone() throws Exception {
        Map<String, String> before = digests();
        assertEquals(Set.of("db-sync"), before.keySet());

        write("keystone/api/users.py", "users, changed\n");
        write("keystone/common/sql/__pycache__/core.pyc", "cache, changed\n");
        assertEquals(before, digests(), "an edit elsewhere, or to a file the build does not send, keeps the step done");

        write("keystone/common/sql/migrations/002_more.py", "alter\n");
        assertNotEquals(before, digests(), "a new migration runs the step again");
    }

    @Test
    void anInputThatIsNotThereYetCountsAsAbsent() throws Exception {
        Files.delete(context.resolve("keystone/common/sql/migrations/001_initial.py"));
        Files.delete(context.resolve("keystone/common/sql/__pycache__/core.pyc"));
        Files.delete(context.resolve("keystone/common/sql/__pycache__"));
        Files.delete(context.resolve("keystone/common/sql/migrations"));
        Files.delete(context.resolve("keystone/common/sql"));
        Map<String, String> absent = digests();

        write("keystone/common/sql/migrations/001_initial.py", "create\n");
        assertNotEquals(absent, digests());
    }

    @Test
    void theLabelReadsBackAndAForeignLabelReadsAsNone() throws Exception {
        Map<String, String> digests = digests();
        assertEquals(digests, StepInputs.read(StepInputs.label(digests)));
        assertEquals(Map.of(), StepInputs.read("not json"));
        assertEquals(Map.of(), StepInputs.read(null));
    }

    private Map<String, String> digests() throws Exception {
        return StepInputs.digests(
                manifest, context, DockerIgnore.of(context), Set.of("docstack/Dockerfile", ".dockerignore"), Set.of());
    }

    private void write(String file, String content) throws Exception {
        Files.createDirectories(context.resolve(file).getParent());
        Files.writeString(context.resolve(file), content);
    }
}
