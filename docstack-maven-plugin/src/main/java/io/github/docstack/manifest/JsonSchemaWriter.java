package io.github.docstack.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link Shape} as a JSON Schema (draft 2020-12), for editors that check YAML as people type. */
public final class JsonSchemaWriter {

    public static final String MANIFEST_SCHEMA_RESOURCE = "/io/github/docstack/docstack-manifest-v1.schema.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemaWriter() {}

    public static String manifestSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://docstack.github.io/schema/docstack-manifest-v1.schema.json");
        schema.put("title", "docstack manifest (docstack/docstack.yaml), apiVersion " + ManifestShape.API_VERSION);
        schema.setAll(node(ManifestShape.manifest()));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the schema is built in memory and always serialises", e);
        }
    }

    private static ObjectNode node(Shape shape) {
        ObjectNode node = NODES.objectNode();
        node.put("description", shape.description());
        if (shape instanceof Shape.Fields fields) {
            node.put("type", "object");
            ObjectNode properties = node.putObject("properties");
            ArrayNode required = NODES.arrayNode();
            for (Shape.Field field : fields.fields()) {
                properties.set(field.name(), node(field.shape()));
                if (field.required()) {
                    required.add(field.name());
                }
            }
            if (!required.isEmpty()) {
                node.set("required", required);
            }
            node.put("additionalProperties", false);
        } else if (shape instanceof Shape.MapOf map) {
            node.put("type", "object");
            node.set("additionalProperties", node(map.values()));
        } else if (shape instanceof Shape.ListOf list) {
            node.put("type", "array");
            node.set("items", node(list.items()));
        } else if (shape instanceof Shape.Either either) {
            node.putArray("oneOf").add(node(either.brief())).add(node(either.full()));
        } else if (shape instanceof Shape.Command) {
            ArrayNode oneOf = node.putArray("oneOf");
            oneOf.addObject().put("type", "string").put("minLength", 1);
            ObjectNode exec = oneOf.addObject().put("type", "array").put("minItems", 1);
            exec.set("items", scalarTypes());
        } else if (shape instanceof Shape.Value value) {
            switch (value.type()) {
                case TEXT -> node.setAll(scalarTypes());
                case INTEGER -> node.put("type", "integer");
                case DURATION ->
                    node.putArray("oneOf")
                            .add(NODES.objectNode().put("type", "integer").put("minimum", 0))
                            .add(NODES.objectNode()
                                    .put("type", "string")
                                    .put("pattern", "^(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+$"));
            }
        }
        return node;
    }

    private static ObjectNode scalarTypes() {
        ObjectNode node = NODES.objectNode();
        node.putArray("type").add("string").add("number").add("boolean");
        return node;
    }
}
