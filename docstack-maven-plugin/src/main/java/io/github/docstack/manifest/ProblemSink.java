package io.github.docstack.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found in one file. */
public final class ProblemSink {

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    public ProblemSink(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void report(Rule rule, Position position, String message) {
        problems.add(new Problem(rule, file, position, message));
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(problem -> problem.severity() == Severity.ERROR);
    }
}
