package io.github.docstack.kubernetes;

import io.github.docstack.engine.ShellWords;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps secret values out of the manifests. A rendered value that holds a secret refers to it instead: the
 * container gets the secret as an environment variable from the stack's Secret, and Kubernetes expands
 * {@code $(VARIABLE)} in the other variables, the command and its arguments. A literal {@code $(} is written
 * {@code $$(}, which Kubernetes turns back.
 */
final class SecretReferences {

    /** Secret value to its variable, in the order of {@link ShellWords#byValue}. */
    private final Map<String, String> variables;

    private final Set<String> used = new TreeSet<>();

    /** @param secrets variable name to secret value */
    SecretReferences(Map<String, String> secrets) {
        variables = ShellWords.byValue(secrets);
    }

    /** {@code value} as Kubernetes expands it: secrets as {@code $(VARIABLE)}. */
    String expanded(String value) {
        String written = value.replace("$(", "$$(");
        for (Map.Entry<String, String> secret : variables.entrySet()) {
            if (written.contains(secret.getKey())) {
                written = written.replace(secret.getKey(), "$(" + secret.getValue() + ")");
                used.add(secret.getValue());
            }
        }
        return written;
    }

    List<String> expanded(List<String> values) {
        return values.stream().map(this::expanded).toList();
    }

    /**
     * A probe's command, which Kubernetes runs as it stands (no {@code $(...)}): one that holds a secret runs
     * through {@code sh -c}, reading it from the container's environment.
     */
    List<String> probe(List<String> command) {
        if (command.stream().noneMatch(this::holdsSecret)) {
            return command;
        }
        variables.forEach((value, variable) -> {
            if (command.stream().anyMatch(word -> word.contains(value))) {
                used.add(variable);
            }
        });
        return List.of("sh", "-c", "exec " + ShellWords.quote(command, variables));
    }

    private boolean holdsSecret(String value) {
        return variables.keySet().stream().anyMatch(value::contains);
    }

    /** The variables referred to so far, which the container must define (from the Secret) before its others. */
    Set<String> used() {
        return new TreeSet<>(used);
    }
}
