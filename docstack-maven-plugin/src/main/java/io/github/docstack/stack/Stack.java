package io.github.docstack.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * A stack file: the projects a cloud is made of, where their images come from, and which channel.
 *
 * @param file     the stack file, whose directory holds the stack's secrets and outputs
 * @param registry registry (and namespace) images come from, or null for the local engine
 * @param release  default channel, {@code latest} unless set
 */
public record Stack(Path file, String name, String registry, String release, List<Project> projects) {

    public Stack {
        projects = List.copyOf(projects);
    }

    /**
     * One project of the stack.
     *
     * @param path    a checkout to build from (absolute), or null
     * @param image   an exact image reference, or null
     * @param release this project's channel, or null for the stack's
     */
    public record Project(String name, Path path, String image, String release) {
    }
}
