package io.github.docstack.stack;

import io.github.docstack.image.BuildPlan;
import io.github.docstack.image.ContextArchive;
import io.github.docstack.image.DockerIgnore;
import io.github.docstack.image.InvalidDocstackException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A project the stack builds from a {@code path:}, as {@code watch} sees it: what its image is built from, that
 * is its docstack/ directory and its build context as sent (after .dockerignore, without the stack's .docstack/).
 */
public record WatchedProject(String name, Path docstackDirectory, Path context, DockerIgnore ignore, Set<String> alwaysSent,
        Set<String> neverSent) {

    /** The stack's {@code path:} projects, each with what its image is built from now. */
    public static List<WatchedProject> of(Stack stack) throws InvalidDocstackException, IOException {
        List<WatchedProject> watched = new ArrayList<>();
        for (Stack.Project project : stack.projects()) {
            if (project.path() != null) {
                BuildPlan plan = StackResolver.plan(stack, project);
                watched.add(new WatchedProject(project.name(), project.path().resolve("docstack").toAbsolutePath().normalize(),
                        plan.context().toAbsolutePath().normalize(), DockerIgnore.of(plan.context()),
                        Set.of(plan.dockerfileInContext(), ".dockerignore"), plan.neverSent()));
            }
        }
        return List.copyOf(watched);
    }

    /** Whether a change to {@code file} (absolute) changes what the image is built from. */
    public boolean isInput(Path file) {
        if (file.startsWith(docstackDirectory)) {
            return true;
        }
        if (!file.startsWith(context) || file.equals(context)) {
            return false;
        }
        return ContextArchive.isSent(context.relativize(file).toString().replace('\\', '/'), ignore, alwaysSent, neverSent);
    }
}
