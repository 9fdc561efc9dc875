package io.github.docstack.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack file: the projects a cloud is made of, where their images come from, and which channel.
 *
 * @param file     the stack file, whose directory holds the stack's secrets and outputs
 * @param registry registry (and namespace) images come from, or null for the local engine
 * @param release  default channel, {@code latest} unless set
 */
public record Stack(
        Path file, String name, String registry, String release, List<Project> projects, List<String> profiles) {

    /** What {@code -Ddocstack.profiles} says to turn every optional project off. */
    public static final String NO_PROFILES = "none";

    public Stack {
        projects = List.copyOf(projects);
        profiles = List.copyOf(profiles);
    }

    public Stack(Path file, String name, String registry, String release, List<Project> projects) {
        this(file, name, registry, release, projects, List.of());
    }

    /**
     * The stack with only the projects that belong to it under these profiles: every project without
     * {@code profiles:}, and those with one of {@code active}.
     *
     * @param active the profiles asked for, or null for the stack's own; {@link #NO_PROFILES} for none
     * @throws StackException when a profile asked for is one no project has
     */
    /** The project of this name, if the stack has it. */
    public java.util.Optional<Project> project(String projectName) {
        return projects.stream()
                .filter(project -> project.name().equals(projectName))
                .findFirst();
    }

    /** The release the stack asks of {@code project}: its own, else the stack's. */
    public String releaseOf(Project project) {
        return project.release() != null ? project.release() : release;
    }

    /** The stack with {@code newRelease} as its release, for every project that pins none of its own. */
    public Stack withRelease(String newRelease) {
        return new Stack(file, name, registry, newRelease, projects, profiles);
    }

    public Stack withProfiles(List<String> active) throws StackException {
        List<String> chosen = active == null ? profiles : active.equals(List.of(NO_PROFILES)) ? List.of() : active;
        Set<String> known = new TreeSet<>();
        projects.forEach(project -> known.addAll(project.profiles()));
        List<String> unknown =
                chosen.stream().filter(profile -> !known.contains(profile)).toList();
        if (!unknown.isEmpty()) {
            throw new StackException("No project of stack " + name + " has the profile " + String.join(", ", unknown)
                    + (known.isEmpty()
                            ? ": it has no optional projects"
                            : ": its profiles are " + String.join(", ", known) + " (or " + NO_PROFILES
                                    + " for only the projects without one)"));
        }
        List<Project> selected = projects.stream()
                .filter(project -> project.profiles().isEmpty()
                        || project.profiles().stream().anyMatch(chosen::contains))
                .toList();
        return new Stack(file, name, registry, release, selected, chosen);
    }

    /**
     * One project of the stack.
     *
     * @param path    a checkout to build from (absolute), or null
     * @param image   an exact image reference, or null
     * @param release  this project's channel, or null for the stack's
     * @param profiles the profiles that bring this project in; empty for always
     * @param node     on a Swarm, the node (by hostname) its services and steps run on, where its volumes are; or null
     */
    public record Project(String name, Path path, String image, String release, List<String> profiles, String node) {

        public Project {
            profiles = List.copyOf(profiles);
        }

        public Project(String name, Path path, String image, String release) {
            this(name, path, image, release, List.of(), null);
        }
    }
}
