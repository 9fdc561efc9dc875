package io.github.docstack.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Words for {@code sh -c}, each single-quoted, with secret values written as references to variables the shell
 * reads at run time, so the text of the command (in a service spec, a probe) holds no secret.
 */
public final class ShellWords {

    private ShellWords() {
    }

    /**
     * @param secrets secret value to the name of the variable that holds it, longest value first (so no value is
     *                replaced inside a longer one)
     */
    public static String quote(String word, Map<String, String> secrets) {
        String quoted = "'" + word.replace("'", "'\\''") + "'";
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            quoted = quoted.replace(secret.getKey(), "'\"${" + secret.getValue() + "}\"'");
        }
        return quoted;
    }

    public static String quote(List<String> words, Map<String, String> secrets) {
        return words.stream().map(word -> quote(word, secrets)).collect(Collectors.joining(" "));
    }
}
