package io.github.docstack.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code ${...}} reference in a manifest value, filled in by docstack when the stack is resolved.
 * {@code $$} stands for a literal {@code $}, so {@code $${HOME}} reaches the container as {@code ${HOME}}.
 *
 * @param expression what stands between the braces
 * @param offset     where the {@code $} is in the value
 */
public record Placeholder(String expression, int offset) {

    private static final Pattern EXPRESSION = Pattern.compile("[a-z_]+(\\.[A-Za-z0-9_-]+)*");

    /** The placeholders in {@code value}, or the reason it cannot be read. */
    public record Scan(List<Placeholder> placeholders, String error, int errorOffset) {}

    public static Scan scan(String value) {
        List<Placeholder> found = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '$' || i + 1 >= value.length()) {
                continue;
            }
            char next = value.charAt(i + 1);
            if (next == '$') {
                i++; // an escaped dollar
            } else if (next == '{') {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    return new Scan(found, "'${' is not closed: add '}', or write '$${' for a literal '${'", i);
                }
                String expression = value.substring(i + 2, end);
                if (!EXPRESSION.matcher(expression).matches()) {
                    return new Scan(
                            found,
                            "'${" + expression + "}' is not a placeholder: placeholders look like"
                                    + " ${internal.SERVICE.PORT}; write '$${' for a literal '${'",
                            i);
                }
                found.add(new Placeholder(expression, i));
                i = end;
            }
        }
        return new Scan(List.copyOf(found), null, -1);
    }

    /** Where the value goes on after this placeholder: just past its closing brace. */
    public int end() {
        return offset + expression.length() + 3;
    }

    /** The literal parts of {@code value}, as they render: its placeholders left out and {@code $$} as {@code $}. */
    public static String literal(String value) {
        StringBuilder literal = new StringBuilder();
        int at = 0;
        for (Placeholder placeholder : scan(value).placeholders()) {
            literal.append(unescape(value.substring(at, placeholder.offset())));
            at = placeholder.end();
        }
        return literal.append(unescape(value.substring(at))).toString();
    }

    /** A literal part of a value as it renders: {@code $$} stands for {@code $}. */
    public static String unescape(String text) {
        return text.replace("$$", "$");
    }

    public String namespace() {
        int dot = expression.indexOf('.');
        return dot < 0 ? expression : expression.substring(0, dot);
    }

    /** The parts after the namespace: {@code internal.glance-api.9292} gives [glance-api, 9292]. */
    public List<String> path() {
        String[] parts = expression.split("\\.");
        return List.of(parts).subList(1, parts.length);
    }
}
