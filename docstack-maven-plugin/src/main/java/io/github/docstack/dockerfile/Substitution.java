package io.github.docstack.dockerfile;

import java.util.Map;

/**
 * Dockerfile variable substitution: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:+alternative}} and {@code ${VAR+alternative}}. Unknown variables become
 * empty, as in Docker.
 */
final class Substitution {

    private Substitution() {}

    static String expand(String text, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                out.append(braced(text.substring(i + 2, end), variables));
                i = end;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                out.append(variables.getOrDefault(text.substring(i + 1, end), ""));
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String braced(String body, Map<String, String> variables) {
        int cut = 0;
        while (cut < body.length() && (Character.isLetterOrDigit(body.charAt(cut)) || body.charAt(cut) == '_')) {
            cut++;
        }
        String name = body.substring(0, cut);
        String modifier = body.substring(cut);
        String value = variables.get(name);
        boolean colon = modifier.startsWith(":");
        String op = colon ? modifier.substring(1) : modifier;
        boolean set = value != null && (!colon || !value.isEmpty());
        if (op.startsWith("-")) {
            return set ? value : expand(op.substring(1), variables);
        }
        if (op.startsWith("+")) {
            return set ? expand(op.substring(1), variables) : "";
        }
        return value == null ? "" : value;
    }
}
