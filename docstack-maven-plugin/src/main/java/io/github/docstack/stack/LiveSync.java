package io.github.docstack.stack;

import io.github.docstack.engine.ContainerNotHealthyException;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.image.ContextArchive;
import io.github.docstack.manifest.WatchAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code watch}'s sync, sync+exec and sync+restart: copies a change's files into each running container of the
 * project; for sync+exec runs the rules' commands in each (a server's own reload), for sync+restart restarts each; and
 * then waits until each is ready again. When a copy or a command fails or a container does not get ready, every
 * container gets back the files it had (and is restarted), so the project serves what it served before the change: a
 * change is applied whole or not at all.
 */
public final class LiveSync {

    /** Time a service's process gets to stop cleanly on a restart. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Time a one-line command (an rm) may take in a container. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private static final int LOG_LINES_SHOWN = 20;

    private final Engine engine;
    private final CheckSlots checkSlots = CheckSlots.forThisMachine();

    public LiveSync(Engine engine) {
        this.engine = engine;
    }

    /**
     * Applies a sync, sync+exec or sync+restart to the running services of its project in {@code deployment}.
     *
     * @return the services it updated
     * @throws StackException when the change could not be applied; the services then run as they did before it
     */
    public List<String> apply(Deployment deployment, ProjectChange change, Duration readyTimeout)
            throws StackException, EngineException, IOException, InterruptedException {
        if (!change.action().syncs()) {
            throw new IllegalArgumentException("a rebuild is up's work, not a sync: " + change);
        }
        List<Deployment.Unit> services = deployment.units(Deployment.Kind.SERVICE).stream()
                .filter(unit -> unit.project().equals(change.project()))
                .toList();
        Map<String, Path> written = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        for (ProjectChange.SyncedFile file : change.files()) {
            if (file.deleted()) {
                deleted.add(file.target());
            } else {
                written.put(file.target().substring(1), file.source());
            }
        }
        Map<Deployment.Unit, List<Optional<byte[]>>> before = new LinkedHashMap<>();
        Path tar = Files.createTempFile("docstack-sync", ".tar"); // one archive of the change, for every container
        try {
            ContextArchive.writeFiles(written, tar);
            for (Deployment.Unit service : services) {
                before.put(service, read(service, change));
                copy(service, written.isEmpty() ? null : tar, deleted);
            }
            if (change.action() == WatchAction.SYNC_RESTART) {
                restart(services, readyTimeout);
            } else if (change.action() == WatchAction.SYNC_EXEC) {
                execute(services, change.commands(), readyTimeout);
            }
        } catch (EngineException | IOException failure) {
            putBack(before, change, readyTimeout, failure);
            throw new StackException(
                    change.project() + ": " + failure.getMessage() + logTail(failure) + " Each container got"
                            + " back the files it had" + (restarts(change) ? " and was restarted" : "")
                            + ": it serves what it served before the change.",
                    failure);
        } finally {
            Files.deleteIfExists(tar);
        }
        return services.stream().map(Deployment.Unit::id).toList();
    }

    /** What each changed file's target holds in the container now (empty where there is nothing). */
    private List<Optional<byte[]>> read(Deployment.Unit service, ProjectChange change) throws EngineException {
        List<Optional<byte[]>> contents = new ArrayList<>();
        for (ProjectChange.SyncedFile file : change.files()) {
            contents.add(engine.readArchive(service.spec().name(), file.target()));
        }
        return contents;
    }

    /** Unpacks the change's archive (null when it only deletes) into the container and deletes what it deleted. */
    private void copy(Deployment.Unit service, Path tar, List<String> deleted) throws EngineException {
        if (tar != null) {
            engine.writeArchive(service.spec().name(), "/", tar);
        }
        delete(service, deleted);
    }

    private void restart(List<Deployment.Unit> services, Duration readyTimeout)
            throws EngineException, InterruptedException {
        for (Deployment.Unit service : services) {
            engine.restart(service.spec().name(), GRACE);
            if (engine.canStartAhead()) {
                // Its hold, if up started it ahead, runs the command at once after a restart; unless it could leave
                // no mark of its release in the container's files.
                HeldStart.release(engine, service.spec().name());
            }
        }
        awaitReady(services, readyTimeout);
    }

    /** Runs each command in each container, as the container's user; then waits until each is ready. */
    private void execute(List<Deployment.Unit> services, List<List<String>> commands, Duration readyTimeout)
            throws EngineException, InterruptedException {
        for (Deployment.Unit service : services) {
            for (List<String> command : commands) {
                java.util.OptionalInt code = engine.exec(service.spec().name(), command, readyTimeout);
                if (code.isEmpty() || code.getAsInt() != 0) {
                    throw new ContainerNotHealthyException(
                            "exec " + String.join(" ", command) + " in " + service.id()
                                    + (code.isPresent()
                                            ? " exited with code " + code.getAsInt()
                                            : " did not finish within " + readyTimeout.toSeconds() + " s"),
                            engine.inspect(service.spec().name()),
                            engine.lastLogLines(service.spec().name(), LOG_LINES_SHOWN));
                }
            }
        }
        awaitReady(services, readyTimeout);
    }

    private void awaitReady(List<Deployment.Unit> services, Duration readyTimeout)
            throws EngineException, InterruptedException {
        for (Deployment.Unit service : services) {
            if (service.healthcheck()) {
                ServiceReadiness.await(
                        engine,
                        checkSlots,
                        CheckPace.ALONE,
                        service,
                        service.spec().name(),
                        readyTimeout);
            } else if (!engine.inspect(service.spec().name()).running()) {
                throw new ContainerNotHealthyException(
                        "Service " + service.id() + " exited after its restart",
                        engine.inspect(service.spec().name()),
                        engine.lastLogLines(service.spec().name(), LOG_LINES_SHOWN));
            }
        }
    }

    /** Back to what each container held before the change. */
    private void putBack(
            Map<Deployment.Unit, List<Optional<byte[]>>> before,
            ProjectChange change,
            Duration readyTimeout,
            Exception failure)
            throws StackException, InterruptedException {
        try {
            for (Map.Entry<Deployment.Unit, List<Optional<byte[]>>> service : before.entrySet()) {
                List<String> absent = new ArrayList<>();
                for (int i = 0; i < change.files().size(); i++) {
                    String target = change.files().get(i).target();
                    Optional<byte[]> old = service.getValue().get(i);
                    if (old.isEmpty()) {
                        absent.add(target);
                        continue;
                    }
                    Path tar = Files.createTempFile("docstack-sync", ".tar");
                    try {
                        Files.write(tar, old.get());
                        // The engine's archive of a path is named by its last part: it unpacks into the parent.
                        engine.writeArchive(service.getKey().spec().name(), parent(target), tar);
                    } finally {
                        Files.deleteIfExists(tar);
                    }
                }
                delete(service.getKey(), absent);
            }
            if (restarts(change)) {
                // A restart, also after a failed exec: whatever the command left half done, the container starts
                // afresh.
                restart(List.copyOf(before.keySet()), readyTimeout);
            }
        } catch (EngineException | IOException | RuntimeException putBackFailed) {
            failure.addSuppressed(putBackFailed);
            throw new StackException(
                    change.project() + ": " + failure.getMessage() + " Putting back what its containers"
                            + " held failed too (" + putBackFailed.getMessage()
                            + "): they may hold part of the change. Recreate"
                            + " them from their image with up.",
                    failure);
        }
    }

    /** Whether putting a change back restarts the containers: when the change restarted them or ran a command in them. */
    private static boolean restarts(ProjectChange change) {
        return change.action() == WatchAction.SYNC_RESTART || change.action() == WatchAction.SYNC_EXEC;
    }

    private void delete(Deployment.Unit service, List<String> targets) throws EngineException {
        if (targets.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("rm", "-rf", "--"));
        command.addAll(targets);
        // As root: the engine writes copied files as root too, whoever the service runs as.
        java.util.OptionalInt code = engine.exec(service.spec().name(), command, COMMAND_TIMEOUT, "0");
        if (code.isEmpty() || code.getAsInt() != 0) {
            throw new EngineException("Deleting " + String.join(", ", targets) + " in " + service.id() + " failed"
                    + (code.isPresent() ? " (rm exited with code " + code.getAsInt() + ")" : " (rm did not finish)"));
        }
    }

    private static String parent(String target) {
        int slash = target.lastIndexOf('/');
        return slash <= 0 ? "/" : target.substring(0, slash);
    }

    private static String logTail(Exception failure) {
        if (!(failure instanceof ContainerNotHealthyException notHealthy)
                || notHealthy.lastLogLines().isEmpty()) {
            return "";
        }
        List<String> lines = notHealthy.lastLogLines();
        return " Its last log lines:\n  "
                + String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size())) + "\n";
    }
}
