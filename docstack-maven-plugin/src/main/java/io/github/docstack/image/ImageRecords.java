package io.github.docstack.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** build.json and image.json: what one goal hands the next (and later CI steps), as JSON. */
public final class ImageRecords {

    public static final String BUILD_FILE = "build.json";
    public static final String IMAGE_FILE = "image.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImageRecords() {}

    public static void write(Path file, Object record) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), record);
    }

    public static BuiltImage readBuild(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BuiltImage.class);
    }
}
