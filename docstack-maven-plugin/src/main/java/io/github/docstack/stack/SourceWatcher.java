package io.github.docstack.stack;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Watches the inputs of the stack's {@code path:} projects (through the kernel's notifications, not by polling)
 * and hands out changes in bursts: an editor's save, or a {@code git checkout} of many files, is one change once
 * no file has changed for the quiet time. Files no image is built from (left out by .dockerignore, the stack's
 * own .docstack/ output) are no change. A project's .git is not watched.
 */
public final class SourceWatcher implements AutoCloseable {

    private final List<WatchedProject> projects;
    private final Duration quiet;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();

    public SourceWatcher(List<WatchedProject> projects, Duration quiet) throws IOException {
        this.projects = List.copyOf(projects);
        this.quiet = quiet;
        this.service = FileSystems.getDefault().newWatchService();
        for (WatchedProject project : projects) {
            register(project.docstackDirectory());
            register(project.context());
        }
    }

    /**
     * Waits for a change to some project's inputs, then until no more come for the quiet time.
     *
     * @return by project name, the files of it that changed (created, modified or deleted)
     */
    public Map<String, Set<Path>> awaitChanges() throws InterruptedException, IOException {
        Map<String, Set<Path>> changes = new TreeMap<>();
        while (changes.isEmpty()) {
            collect(service.take(), changes);
        }
        for (WatchKey key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                key != null;
                key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
            collect(key, changes);
        }
        return changes;
    }

    private void collect(WatchKey key, Map<String, Set<Path>> changes) throws IOException {
        Path directory = directories.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || directory == null) {
                // The kernel dropped events: any project may have changed.
                projects.forEach(project -> changes.computeIfAbsent(project.name(), name -> new TreeSet<>())
                        .add(project.context()));
                continue;
            }
            Path file = directory.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                register(file);
                // Files written into it before it was watched raised no event of their own.
                try (java.util.stream.Stream<Path> inside = Files.walk(file)) {
                    inside.forEach(path -> note(path, changes));
                }
            } else {
                note(file, changes);
            }
        }
        if (!key.reset()) {
            directories.remove(key); // the directory is gone
        }
    }

    private void note(Path file, Map<String, Set<Path>> changes) {
        for (WatchedProject project : projects) {
            if (project.isInput(file)) {
                changes.computeIfAbsent(project.name(), name -> new TreeSet<>()).add(file);
            }
        }
    }

    private void register(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                if (directory.getFileName() != null
                        && directory.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                // A directory watched already (a docstack/ inside its context) gets its own key back.
                directories.put(directory.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
