package io.github.docstack.stack;

import io.github.docstack.dockerfile.DockerIgnore;
import io.github.docstack.image.BuildPlan;
import io.github.docstack.image.ContextArchive;
import io.github.docstack.manifest.Manifest;
import io.github.docstack.manifest.WatchAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project the stack builds from a {@code path:}, as {@code watch} sees it: what its image is built from, that
 * is its docstack/ directory and its build context as sent (after .dockerignore, without the stack's .docstack/),
 * and its manifest's watch rules, which say what a change means.
 */
public record WatchedProject(
        String name,
        Path docstackDirectory,
        Path context,
        DockerIgnore ignore,
        Set<String> alwaysSent,
        Set<String> neverSent,
        List<Manifest.WatchRule> rules) {

    public WatchedProject {
        rules = List.copyOf(rules);
    }

    /** The stack's {@code path:} projects, each with what its image is built from now. */
    public static List<WatchedProject> of(Stack stack) throws StackException, IOException {
        List<WatchedProject> watched = new ArrayList<>();
        for (Stack.Project project : stack.projects()) {
            if (project.path() != null) {
                BuildPlan plan = StackResolver.plan(stack, project);
                watched.add(new WatchedProject(
                        project.name(),
                        project.path().resolve("docstack").toAbsolutePath().normalize(),
                        plan.context().toAbsolutePath().normalize(),
                        DockerIgnore.of(plan.context()),
                        Set.of(plan.dockerfileInContext(), ".dockerignore"),
                        plan.neverSent(),
                        plan.manifest().watch()));
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
        return ContextArchive.isSent(
                context.relativize(file).toString().replace('\\', '/'), ignore, alwaysSent, neverSent);
    }

    /**
     * What a burst of changes to this project's inputs means: a sync when the first rule covering each file syncs
     * (with a restart when any of those rules asks for one, else the commands of those that ask for one), else a
     * rebuild. A change in the docstack/ directory (the Dockerfile, the manifest) always rebuilds, as does a file no
     * rule covers.
     *
     * @param files absolute paths, each an input of this project
     */
    public ProjectChange decide(Set<Path> files) {
        WatchAction action = WatchAction.SYNC;
        List<ProjectChange.SyncedFile> synced = new ArrayList<>();
        java.util.SortedSet<Integer> execRules = new java.util.TreeSet<>(); // by their place in the manifest
        for (Path file : files) {
            Optional<Manifest.WatchRule> rule = file.startsWith(docstackDirectory) ? Optional.empty() : ruleFor(file);
            if (rule.isEmpty() || !rule.get().action().syncs()) {
                return ProjectChange.rebuild(name);
            }
            if (rule.get().action().compareTo(action) > 0) {
                action = rule.get().action(); // a restart does what an exec would, and more
            }
            if (rule.get().action() == WatchAction.SYNC_EXEC) {
                execRules.add(rules.indexOf(rule.get()));
            }
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                continue; // the files in it come as changes of their own
            }
            Path under = context.resolve(rule.get().path()).normalize();
            String target = stripTrailingSlash(rule.get().target());
            if (!file.equals(under)) {
                target = target + "/" + under.relativize(file).toString().replace('\\', '/');
            }
            synced.add(new ProjectChange.SyncedFile(file, target, !Files.exists(file, LinkOption.NOFOLLOW_LINKS)));
        }
        Set<List<String>> commands = new LinkedHashSet<>(); // a command that two rules name runs once
        execRules.forEach(index -> commands.add(rules.get(index).exec()));
        return new ProjectChange(
                name, action, synced, action == WatchAction.SYNC_EXEC ? List.copyOf(commands) : List.of());
    }

    private Optional<Manifest.WatchRule> ruleFor(Path file) {
        return rules.stream()
                .filter(rule -> file.startsWith(context.resolve(rule.path()).normalize()))
                .findFirst();
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
