package io.github.docstack.stack;

import io.github.docstack.manifest.WatchAction;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code watch} does about one burst of changes to a project: rebuild it, or copy files into its running
 * containers (and run a command in them, or restart them).
 *
 * @param files    for a sync, each changed file and where it goes; empty for a rebuild
 * @param commands for a sync+exec, the commands to run in each container after the copy, in the order of the rules
 *                 that asked for them; else empty
 */
public record ProjectChange(String project, WatchAction action, List<SyncedFile> files, List<List<String>> commands) {

    public ProjectChange {
        files = List.copyOf(files);
        commands = List.copyOf(commands);
    }

    static ProjectChange rebuild(String project) {
        return new ProjectChange(project, WatchAction.REBUILD, List.of(), List.of());
    }

    /**
     * A changed file and its place in the containers.
     *
     * @param source  the file on this machine (gone when it was deleted)
     * @param target  its absolute path in the containers
     * @param deleted whether the change deleted it
     */
    public record SyncedFile(Path source, String target, boolean deleted) {}
}
