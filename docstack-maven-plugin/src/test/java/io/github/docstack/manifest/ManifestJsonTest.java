package io.github.docstack.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJsonTest {

    @Test
    void labelReadsBackToTheSameManifest(@TempDir Path project) throws Exception {
        Manifest manifest = DocstackDirectory.in(project)
                .manifest(ManifestReference.EXAMPLE)
                .dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("USER app", "USER glance"))
                .validate()
                .manifest();

        String json = ManifestJson.write(manifest);

        assertEquals(manifest, ManifestJson.read(json));
        assertEquals(json, ManifestJson.write(ManifestJson.read(json)), "canonical: writing again gives the same text");
        assertTrue(json.indexOf("\"apiVersion\"") < json.indexOf("\"name\""), "keys sorted");
    }

    @Test
    void somethingElseIsRefusedWithTheLabelsName() {
        IllegalArgumentException failure =
                assertThrows(IllegalArgumentException.class, () -> ManifestJson.read("[1, 2]"));
        assertTrue(failure.getMessage().startsWith("the io.github.docstack.manifest label is not a docstack manifest"));
    }

    @Test
    void unknownKeysFromANewerDocstackAreTolerated() {
        Manifest manifest =
                ManifestJson.read("{\"apiVersion\":\"docstack/v1\",\"name\":\"x\",\"future\":true,\"services\":{},"
                        + "\"requires\":[],\"provides\":[],\"init\":[],\"outputs\":[],\"ignore\":[]}");
        assertEquals("x", manifest.name());
        assertEquals(List.of(), manifest.requires());
    }
}
