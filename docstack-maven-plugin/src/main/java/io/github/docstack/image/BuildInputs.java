package io.github.docstack.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of what an image is built from: the context as sent (after .dockerignore: each entry's name, kind
 * and permissions, a link's target, a file's content), the Dockerfile's path, the build arguments, the target stage
 * and the manifest file's text. Equal fingerprints build equal images, so an image carrying this one in its label
 * need not be built again. What the archive holds besides (a fixed modification time, tar's framing) is the same
 * for every build, so it is no input.
 */
final class BuildInputs {

    static final String LABEL = "io.github.docstack.inputs";

    private BuildInputs() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The fingerprint of the context, from its entries as sent, each file's content digest from {@code files}. */
    static byte[] contextDigest(List<ContextListing.Entry> entries, FileDigests files) throws IOException {
        MessageDigest digest = newDigest();
        for (ContextListing.Entry entry : entries) {
            StringBuilder line = new StringBuilder()
                    .append(entry.kind())
                    .append('\0')
                    .append(entry.name())
                    .append('\0')
                    .append(Integer.toOctalString(entry.permissions()));
            switch (entry.kind()) {
                case FILE -> line.append('\0').append(files.sha256(entry));
                case LINK -> line.append('\0').append(Files.readSymbolicLink(entry.path()));
                case DIRECTORY -> {}
            }
            digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return digest.digest();
    }

    /** The fingerprint, from the context's ({@link #contextDigest}) and the plan. */
    static String hash(byte[] contextDigest, BuildPlan plan) {
        MessageDigest inputs = newDigest();
        inputs.update(contextDigest);
        StringBuilder rest = new StringBuilder();
        rest.append('\0').append(plan.dockerfileInContext());
        for (Map.Entry<String, String> arg : new TreeMap<>(plan.buildArgs()).entrySet()) {
            rest.append('\0').append(arg.getKey()).append('=').append(arg.getValue());
        }
        rest.append('\0').append(plan.manifest().build().target());
        rest.append('\0').append(plan.manifestText());
        inputs.update(rest.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(inputs.digest());
    }
}
