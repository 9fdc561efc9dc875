package io.github.docstack.kubernetes;

import io.github.docstack.engine.Sha256;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kubernetes names for docstack's: objects, containers and Services are named by RFC 1035 labels (lowercase letters,
 * digits and '-', a letter first, at most 63), which docstack's service and step names already are, and its volume
 * names ({@code stack_volume}) are not.
 */
final class KubernetesNames {

    static final int MOST = 63;
    private static final Pattern VALID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private KubernetesNames() {}

    /**
     * {@code name} as a label. The first '_' of a volume's name ({@code stack_volume}) becomes '-': a stack's name
     * holds none. Any other change, or a name longer than 63, adds a hash of the whole name, so two names never
     * become one.
     */
    static String of(String name) {
        String plain = name.replaceFirst("_", "-");
        if (VALID.matcher(plain).matches()) {
            return plain;
        }
        String label =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^[^a-z]+", "");
        label = label.substring(0, Math.min(label.length(), MOST - 9)).replaceAll("-+$", "");
        return (label.isEmpty() ? "x" : label) + "-" + hash(name);
    }

    /** Eight hex digits of the name's SHA-256: two names that map to the same label still get two. */
    private static String hash(String name) {
        return Sha256.hex(name, 4);
    }
}
