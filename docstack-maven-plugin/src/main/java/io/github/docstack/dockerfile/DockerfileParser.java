package io.github.docstack.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile the way Docker's own parser (BuildKit's {@code dockerfile/parser}) does, without Docker:
 * parser directives at the top, comments, continuations with the escape character (comment and blank lines
 * inside a continuation are skipped), leading flags, exec (JSON) or shell form, with an invalid JSON array
 * falling back to shell form, and here-documents after RUN, COPY and ADD.
 */
public final class DockerfileParser {

    private static final Pattern DIRECTIVE =
            Pattern.compile("^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*$");
    private static final Set<String> KNOWN_DIRECTIVES = Set.of("escape", "syntax", "check");
    private static final Pattern IGNORE_COMMENT = Pattern.compile("^#\\s*docstack:ignore\\s+(.+?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final Set<String> COMMAND_INSTRUCTIONS = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL");
    private static final Set<String> LIST_INSTRUCTIONS = Set.of("COPY", "ADD", "VOLUME");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");
    // Trailing text after the array makes it shell form in Docker, so it must fail here too.
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<String> lines;
    private final List<Dockerfile.ParseError> errors = new ArrayList<>();
    private final Map<String, String> directives = new LinkedHashMap<>();
    private char escape = '\\';
    private int next;

    private DockerfileParser(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> split = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            split.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        this.lines = split;
    }

    public static Dockerfile parse(String text) {
        return new DockerfileParser(text).parse();
    }

    private Dockerfile parse() {
        readDirectives();
        List<Instruction> instructions = new ArrayList<>();
        Set<String> pendingIgnores = new LinkedHashSet<>();
        while (next < lines.size()) {
            String line = lines.get(next);
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                pendingIgnores.clear();
                next++;
                continue;
            }
            if (trimmed.startsWith("#")) {
                Matcher ignore = IGNORE_COMMENT.matcher(trimmed);
                if (ignore.matches()) {
                    for (String id : ignore.group(1).split("[,\\s]+")) {
                        pendingIgnores.add(id);
                    }
                }
                next++;
                continue;
            }
            instructions.add(instruction(Set.copyOf(pendingIgnores)));
            pendingIgnores.clear();
        }
        return new Dockerfile(Map.copyOf(directives), escape, List.copyOf(instructions), List.copyOf(errors));
    }

    private void readDirectives() {
        while (next < lines.size()) {
            Matcher directive = DIRECTIVE.matcher(lines.get(next).strip());
            if (!directive.matches()) {
                return;
            }
            String name = directive.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN_DIRECTIVES.contains(name)) {
                return; // an unknown directive is a comment, and ends the directives
            }
            String value = directive.group(2);
            if (directives.putIfAbsent(name, value) != null) {
                errors.add(new Dockerfile.ParseError(
                        next + 1, "The parser directive '" + name + "' is set twice: keep one"));
            }
            if (name.equals("escape")) {
                if (value.equals("\\") || value.equals("`")) {
                    escape = value.charAt(0);
                } else {
                    errors.add(new Dockerfile.ParseError(
                            next + 1, "escape=" + value + " is not allowed: the escape" + " character is \\ or `"));
                }
            }
            next++;
        }
    }

    private Instruction instruction(Set<String> ignored) {
        int start = next;
        StringBuilder joined = new StringBuilder();
        String current = lines.get(next);
        while (true) {
            int continuation = continuationAt(current);
            if (continuation < 0) {
                joined.append(current);
                next++;
                break;
            }
            joined.append(current, 0, continuation);
            next++;
            while (next < lines.size()
                    && (lines.get(next).isBlank() || lines.get(next).strip().startsWith("#"))) {
                next++; // comment and empty lines inside a continuation are dropped
            }
            if (next >= lines.size()) {
                break;
            }
            current = lines.get(next);
        }
        String original = joined.toString().strip();
        int blank = firstBlank(original);
        String keyword = (blank < 0 ? original : original.substring(0, blank)).toUpperCase(Locale.ROOT);
        String rest = blank < 0 ? "" : original.substring(blank).strip();

        List<Instruction.Flag> flags = new ArrayList<>();
        while (rest.startsWith("--")) {
            int end = firstBlank(rest);
            String flag = end < 0 ? rest : rest.substring(0, end);
            int eq = flag.indexOf('=');
            flags.add(
                    eq < 0
                            ? new Instruction.Flag(flag.substring(2), null)
                            : new Instruction.Flag(
                                    flag.substring(2, eq), Words.unquote(flag.substring(eq + 1), escape)));
            rest = end < 0 ? "" : rest.substring(end).strip();
        }

        List<Instruction.Heredoc> heredocs = HEREDOC_INSTRUCTIONS.contains(keyword) ? heredocs(rest, start) : List.of();
        List<String> arguments;
        boolean exec = false;
        List<String> json = heredocs.isEmpty() ? jsonArray(rest, start) : null;
        if (COMMAND_INSTRUCTIONS.contains(keyword) || LIST_INSTRUCTIONS.contains(keyword)) {
            if (json != null) {
                arguments = json;
                exec = true;
            } else {
                arguments = COMMAND_INSTRUCTIONS.contains(keyword)
                        ? (rest.isEmpty() ? List.of() : List.of(rest))
                        : Words.split(rest, escape);
            }
        } else if (keyword.equals("HEALTHCHECK")) {
            int end = firstBlank(rest);
            String type = (end < 0 ? rest : rest.substring(0, end)).toUpperCase(Locale.ROOT);
            String command = end < 0 ? "" : rest.substring(end).strip();
            List<String> commandJson = jsonArray(command, start);
            arguments = new ArrayList<>(List.of(type));
            if (commandJson != null) {
                arguments.addAll(commandJson);
                exec = true;
            } else if (!command.isEmpty()) {
                arguments.add(command);
            }
        } else if (keyword.equals("ONBUILD")) {
            arguments = rest.isEmpty() ? List.of() : List.of(rest);
        } else {
            arguments = Words.split(rest, escape);
            if (keyword.equals("ENV")
                    && (arguments.isEmpty()
                            || (arguments.size() == 1 && !arguments.get(0).contains("=")))) {
                // The engine's own words: "ENV NAME" needs a value ("ENV NAME=" sets it empty).
                errors.add(new Dockerfile.ParseError(start + 1, "ENV must have two arguments: write ENV NAME=value"));
            }
        }
        return new Instruction(
                keyword, start + 1, original, List.copyOf(flags), List.copyOf(arguments), exec, heredocs, ignored);
    }

    /**
     * Where the line's continuation escape starts, or -1: the escape char, then only blanks to the end, and not
     * itself escaped ({@code echo \\} at the end of a line is a literal backslash), as BuildKit's parser has it.
     */
    private int continuationAt(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        boolean escaped = end > 1 && line.charAt(end - 2) == escape;
        return end > 0 && line.charAt(end - 1) == escape && !escaped ? end - 1 : -1;
    }

    private List<Instruction.Heredoc> heredocs(String rest, int start) {
        List<Instruction.Heredoc> heredocs = new ArrayList<>();
        Matcher marker = HEREDOC.matcher(rest);
        while (marker.find()) {
            boolean stripTabs = !marker.group(1).isEmpty();
            boolean expand = marker.group(2).isEmpty();
            String name = marker.group(3);
            StringBuilder content = new StringBuilder();
            boolean closed = false;
            while (next < lines.size()) {
                String line = lines.get(next++);
                String compared = stripTabs ? line.replaceFirst("^\\t+", "") : line;
                if (compared.equals(name)) {
                    closed = true;
                    break;
                }
                content.append(compared).append('\n');
            }
            if (!closed) {
                errors.add(new Dockerfile.ParseError(
                        start + 1,
                        "The here-document <<" + name + " is never closed:" + " end it with a line holding only "
                                + name));
            }
            heredocs.add(new Instruction.Heredoc(name, content.toString(), stripTabs, expand));
        }
        return List.copyOf(heredocs);
    }

    /**
     * The items of a JSON array of strings, or null when {@code text} is not JSON (then Docker uses shell form).
     * Valid JSON holding anything but strings is an error in Docker, not shell form.
     */
    private List<String> jsonArray(String text, int start) {
        if (!text.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isArray()) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    errors.add(new Dockerfile.ParseError(
                            start + 1,
                            "A JSON array here must hold strings only, as in"
                                    + " [\"glance-api\", \"--debug\"]: quote every item"));
                    return null;
                }
                items.add(item.asText());
            }
            return items;
        } catch (IOException e) {
            return null;
        }
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
