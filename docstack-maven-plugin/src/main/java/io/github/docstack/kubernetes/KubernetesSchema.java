package io.github.docstack.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' own schema of the objects docstack writes: the definitions of the API's OpenAPI document
 * ({@code api/openapi-spec/swagger.json} of Kubernetes 1.20.2, from Debian's source package
 * {@code kubernetes_1.20.5+really1.20.2}), cut to the nine kinds the export writes and what they refer to, with
 * the descriptions left out. Checked as {@code kubectl --validate=strict} does: a field the API does not know is
 * an error, and an int-or-string takes either.
 */
final class KubernetesSchema {

    private static final String DEFINITIONS = "/io/github/docstack/kubernetes/kubernetes-1.20-definitions.json";

    private final ObjectNode definitions;
    /** "apiVersion kind" to the name of its definition. */
    private final Map<String, String> kinds = new HashMap<>();

    private final Map<String, JsonSchema> schemas = new HashMap<>();

    KubernetesSchema() throws IOException {
        try (InputStream in = KubernetesSchema.class.getResourceAsStream(DEFINITIONS)) {
            if (in == null) {
                throw new IOException("The Kubernetes schema is missing from the plugin jar");
            }
            definitions = (ObjectNode) new ObjectMapper().readTree(in).get("definitions");
        }
        definitions.fields().forEachRemaining(definition -> {
            ObjectNode schema = (ObjectNode) definition.getValue();
            for (JsonNode kind : schema.path("x-kubernetes-group-version-kind")) {
                String group = kind.get("group").asText();
                String version = kind.get("version").asText();
                kinds.put(
                        (group.isEmpty() ? version : group + "/" + version) + " "
                                + kind.get("kind").asText(),
                        definition.getKey());
            }
            if (schema.has("properties") && !schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
        });
        withoutExtensions(definitions);
        definitions
                .putObject("io.k8s.apimachinery.pkg.util.intstr.IntOrString")
                .putArray("type")
                .add("integer")
                .add("string");
    }

    /** What is wrong with {@code object} by the API's schema; a kind the API does not have is wrong too. */
    List<String> problems(JsonNode object) {
        String kind =
                object.path("apiVersion").asText() + " " + object.path("kind").asText();
        String definition = kinds.get(kind);
        if (definition == null) {
            return List.of("Kubernetes has no " + kind);
        }
        JsonSchema schema = schemas.computeIfAbsent(definition, name -> {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.set("definitions", definitions);
            root.put("$ref", "#/definitions/" + name);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root);
        });
        return schema.validate(object).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** Kubernetes' x- keywords say how the API merges and lists; the validator knows none of them, and warns. */
    private static void withoutExtensions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> extensions = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("x-")) {
                    extensions.add(name);
                }
            });
            object.remove(extensions);
        }
        node.forEach(KubernetesSchema::withoutExtensions);
    }
}
