package io.github.docstack.engine;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Words for {@code sh -c}, each single-quoted, with secret values written as references to variables the shell
 * reads at run time, so the text of the command (in a service spec, a probe) holds no secret.
 */
public final class ShellWords {

    private ShellWords() {}

    /**
     * @param secrets secret value to the name of the variable that holds it, as {@link #byValue} orders them
     */
    /**
     * Secret value to its variable, the order {@link #quote} and every replacement of secrets need: longest value
     * first, so no value is replaced inside a longer one; an empty value is no secret to replace.
     *
     * @param variables variable name to secret value
     */
    public static Map<String, String> byValue(Map<String, String> variables) {
        Map<String, String> secrets = new LinkedHashMap<>();
        variables.entrySet().stream()
                .filter(secret -> !secret.getValue().isEmpty())
                .sorted(Comparator.comparing((Map.Entry<String, String> secret) ->
                                secret.getValue().length())
                        .reversed())
                .forEach(secret -> secrets.put(secret.getValue(), secret.getKey()));
        return secrets;
    }

    public static String quote(String word, Map<String, String> secrets) {
        StringBuilder quoted = new StringBuilder();
        String rest = word;
        while (true) {
            int at = -1;
            String found = null;
            for (String value : secrets.keySet()) {
                int index = rest.indexOf(value);
                if (index >= 0 && (at < 0 || index < at)) {
                    at = index;
                    found = value;
                }
            }
            if (found == null) {
                return quoted.append(literal(rest)).toString();
            }
            quoted.append(literal(rest.substring(0, at)))
                    .append("\"${")
                    .append(secrets.get(found))
                    .append("}\"");
            rest = rest.substring(at + found.length());
        }
    }

    /** Text the shell takes as it is: single quotes, each ' in it closed, escaped and opened again. */
    private static String literal(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    public static String quote(List<String> words, Map<String, String> secrets) {
        return words.stream().map(word -> quote(word, secrets)).collect(Collectors.joining(" "));
    }
}
