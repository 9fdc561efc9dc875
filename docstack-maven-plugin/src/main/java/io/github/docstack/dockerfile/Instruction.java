package io.github.docstack.dockerfile;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Dockerfile instruction as Docker reads it.
 *
 * @param keyword   upper-cased instruction word
 * @param line      line the instruction starts on (1-based)
 * @param original  the instruction's text with continuations joined, as {@code docker build} prints it
 * @param flags     leading {@code --name=value} flags, in order
 * @param arguments what follows the flags: for RUN, CMD, ENTRYPOINT and SHELL in exec form the JSON array's
 *                  items, for JSON-form COPY/ADD/VOLUME its items, else the words; for shell-form commands, one
 *                  item holding the command line
 * @param execForm  whether the arguments came from a JSON array
 * @param heredocs  here-documents attached to the instruction
 * @param ignored   rule ids suppressed for this instruction by a {@code # docstack:ignore} comment before it
 */
public record Instruction(
        String keyword,
        int line,
        String original,
        List<Flag> flags,
        List<String> arguments,
        boolean execForm,
        List<Heredoc> heredocs,
        Set<String> ignored) {

    public record Flag(String name, String value) {
        @Override
        public String toString() {
            return value == null ? "--" + name : "--" + name + "=" + value;
        }
    }

    /** {@code <<EOF ... EOF}; {@code stripTabs} for {@code <<-}, {@code expand} unless the word was quoted. */
    public record Heredoc(String name, String content, boolean stripTabs, boolean expand) {}

    /** The value of the first flag {@code name}; null when absent or given without a value. */
    public String flag(String name) {
        for (Flag flag : flags) {
            if (flag.name().equals(name)) {
                return flag.value();
            }
        }
        return null;
    }

    /**
     * A canonical one-line form, for tests: {@code LINE KEYWORD [flags] exec|shell|args: [items] [heredocs]}.
     */
    public String describe() {
        String form = switch (keyword) {
            case "RUN", "CMD", "ENTRYPOINT", "SHELL" -> execForm ? "exec" : "shell";
            default -> execForm ? "json" : "args";
        };
        StringBuilder text = new StringBuilder().append(line).append(' ').append(keyword);
        flags.forEach(flag -> text.append(' ').append(flag));
        text.append(' ')
                .append(form)
                .append(": ")
                .append(arguments.stream().map(Instruction::quote).collect(Collectors.joining(", ", "[", "]")));
        for (Heredoc heredoc : heredocs) {
            text.append(" <<")
                    .append(heredoc.stripTabs() ? "-" : "")
                    .append(heredoc.name())
                    .append(heredoc.expand() ? "" : "(literal)")
                    .append('=')
                    .append(quote(heredoc.content()));
        }
        return text.toString();
    }

    private static String quote(String text) {
        return '"'
                + text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t")
                + '"';
    }
}
