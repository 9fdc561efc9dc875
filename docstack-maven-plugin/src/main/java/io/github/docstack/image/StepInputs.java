package io.github.docstack.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.docstack.dockerfile.DockerIgnore;
import io.github.docstack.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The fingerprints of the files that init steps name as their {@code inputs}, as the build sends them (after
 * .dockerignore). An image carries them in a label, so a stack runs such a step again only when its inputs change,
 * not whenever the image does: a schema migration stays done while the code around it is edited and rebuilt.
 */
public final class StepInputs {

    public static final String LABEL = "io.github.docstack.step-inputs";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StepInputs() {}

    /**
     * Step name to the SHA-256 of its inputs (each sent file's name and content), for each init step that names
     * inputs; empty when none does. An input that is not there counts as such, so creating it changes the digest.
     */
    static Map<String, String> digests(
            Manifest manifest, Path context, DockerIgnore ignore, Set<String> alwaysSent, Set<String> neverSent)
            throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (Manifest.Step step : manifest.init()) {
            if (step.inputs() != null) {
                digests.put(step.name(), digest(step.inputs(), context, ignore, alwaysSent, neverSent));
            }
        }
        return digests;
    }

    private static String digest(
            List<String> inputs, Path context, DockerIgnore ignore, Set<String> alwaysSent, Set<String> neverSent)
            throws IOException {
        MessageDigest digest = BuildInputs.newDigest();
        for (String input : new TreeSet<>(inputs)) {
            Path root = context.resolve(input).normalize();
            if (!root.startsWith(context) || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                digest.update(("absent\0" + input + "\0").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                String name = context.relativize(file).toString().replace('\\', '/');
                if (ContextArchive.isSent(name, ignore, alwaysSent, neverSent)) {
                    digest.update((name + "\0").getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                    digest.update((byte) 0);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The label's value: the digests as JSON, keys sorted. */
    static String label(Map<String, String> digests) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(digests));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** The digests an image's label holds; empty without the label, or with one that is not such a map. */
    public static Map<String, String> read(String label) {
        if (label == null) {
            return Map.of();
        }
        try {
            Map<String, String> digests = new TreeMap<>();
            Map<String, String> read = JSON.readValue(label, new TypeReference<Map<String, String>>() {});
            if (read != null) {
                read.forEach((step, digest) -> {
                    if (step != null && digest != null) {
                        digests.put(step, digest);
                    }
                });
            }
            return Map.copyOf(digests);
        } catch (JsonProcessingException e) {
            return Map.of(); // then every step runs again on a new image, as without inputs
        }
    }
}
