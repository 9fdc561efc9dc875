package io.github.docstack.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile: parser directives, instructions, and the problems met while reading it.
 *
 * @param directives parser directives (lower-cased names: escape, syntax, check)
 * @param escape     the escape character, {@code \} or {@code `}
 * @param errors     what Docker itself would refuse while reading, with the line
 */
public record Dockerfile(Map<String, String> directives, char escape, List<Instruction> instructions,
        List<ParseError> errors) {

    public record ParseError(int line, String message) {
    }

    /** A build stage: its FROM instruction, the base image with global ARGs substituted, and its name. */
    public record Stage(int index, Instruction from, String baseImage, String name) {
    }

    /** The build stages in order. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        Map<String, String> globalArgs = globalArgs();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM") && !instruction.arguments().isEmpty()) {
                List<String> words = instruction.arguments();
                String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
                stages.add(new Stage(stages.size(), instruction, Substitution.expand(words.get(0), globalArgs), name));
            }
        }
        return stages;
    }

    /** ARGs declared before the first FROM, with their defaults: the only variables FROM may use. */
    public Map<String, String> globalArgs() {
        Map<String, String> args = new java.util.LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                break;
            }
            if (instruction.keyword().equals("ARG")) {
                for (String word : instruction.arguments()) {
                    int eq = word.indexOf('=');
                    String name = eq < 0 ? word : word.substring(0, eq);
                    String value = eq < 0 ? "" : Words.unquote(word.substring(eq + 1), escape);
                    args.put(name, value);
                }
            }
        }
        return args;
    }
}
