package io.github.docstack.dockerfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file, matched with Docker's own semantics (moby's patternmatcher): patterns are
 * cleaned paths relative to the context, {@code *} and {@code ?} stop at '/', {@code **} spans directories,
 * {@code !} re-includes, the last matching pattern wins, and a pattern that matches a parent directory matches
 * everything below it.
 */
public final class DockerIgnore {

    public static final DockerIgnore NONE = new DockerIgnore(List.of());

    private record Rule(String pattern, boolean exclusion, Pattern regex) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The context's {@code .dockerignore}, or {@link #NONE} when there is none. */
    public static DockerIgnore of(Path contextDirectory) throws IOException {
        Path file = contextDirectory.resolve(".dockerignore");
        return Files.isRegularFile(file) ? parse(Files.readString(file)) : NONE;
    }

    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String line : body.split("\r?\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclusion = pattern.startsWith("!");
            if (exclusion) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = clean(pattern);
                if (pattern.length() > 1 && pattern.startsWith("/")) {
                    pattern = pattern.substring(1);
                }
            }
            rules.add(new Rule(pattern, exclusion, compile(pattern)));
        }
        return new DockerIgnore(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether Docker leaves {@code relativePath} (a '/'-separated path in the context) out of the build. */
    public boolean excludes(String relativePath) {
        if (rules.isEmpty()) {
            return false;
        }
        String file = clean(relativePath);
        int slash = file.lastIndexOf('/');
        String parent = slash < 0 ? "." : file.substring(0, slash);
        String[] parentDirs = parent.split("/");
        boolean matched = false;
        for (Rule rule : rules) {
            if (rule.exclusion() != matched) {
                continue; // an inclusion cannot change a match, nor an exclusion a non-match
            }
            boolean match = rule.regex().matcher(file).matches();
            if (!match && !parent.equals(".")) {
                StringBuilder prefix = new StringBuilder();
                for (String dir : parentDirs) {
                    prefix.append(prefix.length() == 0 ? "" : "/").append(dir);
                    if (rule.regex().matcher(prefix).matches()) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                matched = !rule.exclusion();
            }
        }
        return matched;
    }

    /**
     * Whether Docker leaves out {@code directory} and everything below it: it is excluded, and no {@code !} pattern
     * can match a path inside it. A path inside is matched by every rule that matches the directory (or a parent),
     * and beyond those only by rules that reach deeper; when none of those re-includes, its last match is an exclusion
     * too. A pattern with wildcards counts as reaching in whenever its literal start could lie on the way in.
     */
    public boolean excludesEverythingBelow(String directory) {
        String inside = clean(directory) + "/";
        for (Rule rule : rules) {
            if (rule.exclusion() && mayMatchBelow(rule.pattern(), inside)) {
                return false;
            }
        }
        return excludes(directory);
    }

    private static boolean mayMatchBelow(String pattern, String inside) {
        int wildcard = indexOfWildcard(pattern);
        if (wildcard < 0) {
            return pattern.startsWith(inside);
        }
        String literal = pattern.substring(0, wildcard);
        return literal.startsWith(inside) || inside.startsWith(literal);
    }

    private static int indexOfWildcard(String pattern) {
        for (int at = 0; at < pattern.length(); at++) {
            if ("*?[\\".indexOf(pattern.charAt(at)) >= 0) {
                return at;
            }
        }
        return -1;
    }

    /** Whether {@code relativePath} matches a COPY/ADD source pattern ({@code *}, {@code ?}, {@code [...]}). */
    public static boolean globMatches(String pattern, String relativePath) {
        return compile(clean(pattern)).matcher(clean(relativePath)).matches();
    }

    // No empty, "." or ".." segment, and no leading or trailing '/'.
    private static boolean isClean(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            return false;
        }
        String segments = "/" + path + "/";
        return !segments.contains("/./") && !segments.contains("/../");
    }

    private static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                        i++; // "**/" is read as "**"
                    }
                    regex.append(i + 1 >= pattern.length() ? ".*" : "(.*/)?");
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '\\') {
                if (i + 1 < pattern.length()) {
                    regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else {
                    regex.append("\\\\");
                }
            } else if (c == '[') {
                regex.append('[');
                if (i + 1 < pattern.length() && (pattern.charAt(i + 1) == '!' || pattern.charAt(i + 1) == '^')) {
                    regex.append('^');
                    i++;
                }
            } else if (c == ']') {
                regex.append(']');
            } else if (".+()|{}$^".indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        try {
            return Pattern.compile(regex.append('$').toString());
        } catch (java.util.regex.PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(pattern)); // a malformed class: match the text literally
        }
    }

    /** Go's filepath.Clean for '/'-separated paths. */
    public static String clean(String path) {
        if (isClean(path)) {
            return path; // as a context walk gives every path: nothing to split and join again
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add(part);
                }
            } else {
                parts.add(part);
            }
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
