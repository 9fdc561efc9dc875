package io.github.docstack.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published JSON Schema and the site's manifest reference are generated from the one grammar; the
 * checked-in copies must equal what the code generates. After changing {@link ManifestShape}, rerun with
 * {@code -Ddocstack.docs.write=true} to regenerate them.
 */
class GeneratedDocsTest {

    private static final Path SCHEMA = Path.of("src/main/resources" + JsonSchemaWriter.MANIFEST_SCHEMA_RESOURCE);
    private static final Path REFERENCE = Path.of("../src/site/markdown/manifest-reference.md");

    @Test
    void checkedInSchemaIsCurrent() throws IOException {
        assertCurrent(SCHEMA, JsonSchemaWriter.manifestSchema());
        assertEquals(
                JsonSchemaWriter.manifestSchema(),
                new String(
                        GeneratedDocsTest.class
                                .getResourceAsStream(JsonSchemaWriter.MANIFEST_SCHEMA_RESOURCE)
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8),
                "the schema ships in the plugin jar");
    }

    @Test
    void checkedInReferenceIsCurrent() throws IOException {
        assertCurrent(REFERENCE, ManifestReference.markdown());
    }

    @Test
    void referenceExampleValidatesCleanly(@TempDir Path project) throws IOException {
        ValidationReport report = DocstackDirectory.in(project)
                .manifest(ManifestReference.EXAMPLE)
                .dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("USER app", "USER glance"))
                .validate();
        assertEquals(List.of(), report.problems());
    }

    @Test
    void schemaAcceptsTheExampleAndRejectsWhatTheValidatorRejects() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(JsonSchemaWriter.manifestSchema()));
        assertEquals(Set.of(), schema.validate(yaml(ManifestReference.EXAMPLE)));

        Set<ValidationMessage> unknownKey = schema.validate(yaml("apiVersion: docstack/v1\nname: x\nservces: {}\n"));
        assertTrue(unknownKey.toString().contains("servces"), unknownKey.toString());
        Set<ValidationMessage> wrongType =
                schema.validate(yaml("apiVersion: docstack/v1\nname: x\nservices: {api: {ports: [\"80\"]}}\n"));
        assertTrue(!wrongType.isEmpty(), "a port as a string");
        Set<ValidationMessage> missing = schema.validate(yaml("name: x\n"));
        assertTrue(missing.toString().contains("apiVersion"), missing.toString());
    }

    private static JsonNode yaml(String text) throws IOException {
        return new YAMLMapper().readTree(text);
    }

    private static void assertCurrent(Path file, String generated) throws IOException {
        if (Boolean.getBoolean("docstack.docs.write")) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated);
        }
        assertEquals(
                generated,
                Files.exists(file) ? Files.readString(file) : "",
                file + " is out of date: rerun the tests with -Ddocstack.docs.write=true and commit the result");
    }
}
