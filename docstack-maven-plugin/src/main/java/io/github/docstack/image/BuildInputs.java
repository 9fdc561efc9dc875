package io.github.docstack.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of what an image is built from: the context archive as sent (after .dockerignore; the archive
 * is repeatable), the Dockerfile's path, the build arguments, the target stage and the manifest file's text. Equal
 * fingerprints build equal images, so an image carrying this one in its label need not be built again.
 */
final class BuildInputs {

    static final String LABEL = "io.github.docstack.inputs";

    private BuildInputs() {}

    /** A digest for the context archive as it is written ({@link ContextArchive#write}). */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The fingerprint, from {@code archiveDigest} (fed the context archive as written) and the plan. */
    static String hash(MessageDigest archiveDigest, BuildPlan plan) {
        StringBuilder rest = new StringBuilder();
        rest.append('\0').append(plan.dockerfileInContext());
        for (Map.Entry<String, String> arg : new TreeMap<>(plan.buildArgs()).entrySet()) {
            rest.append('\0').append(arg.getKey()).append('=').append(arg.getValue());
        }
        rest.append('\0').append(plan.manifest().build().target());
        rest.append('\0').append(plan.manifestText());
        archiveDigest.update(rest.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(archiveDigest.digest());
    }
}
