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
public record Dockerfile(
        Map<String, String> directives, char escape, List<Instruction> instructions, List<ParseError> errors) {

    public record ParseError(int line, String message) {}

    /** A build stage: its FROM instruction, the base image with global ARGs substituted, and its name. */
    public record Stage(int index, Instruction from, String baseImage, String name) {}

    /** The build stages in order. */
    public List<Stage> stages() {
        return stages(globalArgs());
    }

    /**
     * The image a build with these arguments starts from: the base of the {@code target} stage (the last one when
     * null), followed through the stages it is built on; null when there is none.
     */
    public String baseImage(String target, Map<String, String> buildArgs) {
        Map<String, String> globalArgs = globalArgs();
        buildArgs.forEach((name, value) -> globalArgs.computeIfPresent(name, (declared, old) -> value));
        List<Stage> stages = stages(globalArgs);
        Stage stage = stages.stream()
                .filter(each -> target != null && target.equalsIgnoreCase(each.name()))
                .findFirst()
                .orElse(stages.isEmpty() ? null : stages.get(stages.size() - 1));
        while (stage != null) {
            String base = stage.baseImage();
            int index = stage.index();
            Stage earlier = stages.subList(0, index).stream()
                    .filter(each -> base.equalsIgnoreCase(each.name()))
                    .findFirst()
                    .orElse(null);
            if (earlier == null) {
                return base;
            }
            stage = earlier;
        }
        return null;
    }

    private List<Stage> stages(Map<String, String> globalArgs) {
        List<Stage> stages = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM") && !instruction.arguments().isEmpty()) {
                List<String> words = instruction.arguments();
                String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
                stages.add(new Stage(stages.size(), instruction, Substitution.expand(words.get(0), globalArgs), name));
            }
        }
        return stages;
    }

    /**
     * The names and values an ENV, LABEL or ARG instruction sets, quotes and escapes removed, in order; the
     * old {@code ENV NAME value with spaces} form included. ARG without a default maps to null.
     */
    public Map<String, String> keyValues(Instruction instruction) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        List<String> words = instruction.arguments();
        if (!words.isEmpty()
                && !words.get(0).contains("=")
                && !instruction.keyword().equals("ARG")) {
            // ENV takes no flags, so its arguments start right after the keyword with the (raw) first word.
            String arguments = instruction
                    .original()
                    .substring(instruction.keyword().length())
                    .strip();
            String rest = arguments.substring(
                    Math.min(arguments.length(), words.get(0).length()));
            values.put(Words.unquote(words.get(0), escape), Words.unquote(rest.strip(), escape));
            return values;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            values.put(
                    Words.unquote(eq < 0 ? word : word.substring(0, eq), escape),
                    eq < 0 ? null : Words.unquote(word.substring(eq + 1), escape));
        }
        return values;
    }

    /** ARGs declared before the first FROM, with their defaults: the only variables FROM may use. */
    public Map<String, String> globalArgs() {
        Map<String, String> args = new java.util.LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                break;
            }
            if (instruction.keyword().equals("ARG")) {
                keyValues(instruction).forEach((name, value) -> args.put(name, value == null ? "" : value));
            }
        }
        return args;
    }
}
