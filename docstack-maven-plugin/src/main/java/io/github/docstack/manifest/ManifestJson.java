package io.github.docstack.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The manifest as canonical JSON (keys sorted, no blanks): what the image label
 * {@code io.github.docstack.manifest} carries, and how a stack reads it back from an image.
 */
public final class ManifestJson {

    public static final String LABEL = "io.github.docstack.manifest";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a newer docstack may add keys
            .build();

    private ManifestJson() {}

    public static String write(Manifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest is plain data and always serialises", e);
        }
    }

    /**
     * The manifest an image's label carries.
     *
     * @throws IllegalArgumentException when {@code json} is not a manifest, naming what is wrong
     */
    public static Manifest read(String json) {
        try {
            return MAPPER.readValue(json, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the " + LABEL + " label is not a docstack manifest: " + e.getOriginalMessage(), e);
        }
    }
}
