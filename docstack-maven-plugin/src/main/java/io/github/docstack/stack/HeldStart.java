package io.github.docstack.stack;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.ImageDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container started before its turn, with its own command held back until up releases it. Starting a container is
 * most of a second of the engine's work (its namespaces, its address, the network's name server, the firewall rules),
 * and a unit that waits for others would otherwise pay it after they are ready, on the critical path; started ahead,
 * it pays it while they start, and its release is a signal.
 *
 * <p>The hold is a POSIX shell, as the container's entrypoint, that sleeps until it gets {@link #RELEASE_SIGNAL} and
 * then runs the container's own command in its place (same process, same environment, user and directory). SIGURG,
 * because its default action is to do nothing: sent again to the released command (by a later up, to a container
 * left held by one that was stopped), it is ignored. The shell leaves a mark in the container's file system when it
 * is released, so the container's later restarts (by watch, or docker restart) run the command at once.
 */
final class HeldStart {

    static final String RELEASE_SIGNAL = "URG";

    /**
     * The shell runs as the container's first process, which the kernel spares every signal it has no trap for:
     * SIGTERM (docker stop) gets one, so a held container stops at once, and a release sent before the trap was set
     * is lost (see {@link #ARMED}).
     */
    static final String SCRIPT = String.join(
            "\n",
            "trap 'exit 143' TERM INT",
            "trap 'released=1' " + RELEASE_SIGNAL,
            "while [ -z \"$released\" ] && [ ! -e /.docstack-released ] && [ ! -e /tmp/.docstack-released ]; do",
            "  sleep 1 & wait $!; kill $! 2>/dev/null; wait $! 2>/dev/null",
            "done",
            // true, not the special built-in ':', whose failed redirection (a user that may not write to /) would end
            // the shell
            "{ true > /.docstack-released || true > /tmp/.docstack-released; } 2>/dev/null",
            "exec \"$@\"");

    /** The entrypoint's name for the shell ({@code $0}), which {@code ps} shows while the container is held. */
    static final String NAME = "docstack-held";

    /**
     * How long after its start a held container surely has its trap set (a shell's first command, milliseconds in):
     * a release within that time is sent again when it has passed.
     */
    static final Duration ARMED = Duration.ofMillis(500);

    private HeldStart() {}

    /**
     * The spec of a container that runs {@code spec}'s command once released: the command the engine would run (the
     * spec's entrypoint and command, or the image's where the spec gives none, as the engine merges them) becomes the
     * arguments of the hold. Empty when there is no command to hold.
     */
    static Optional<ContainerSpec> of(ContainerSpec spec, ImageDetails image) {
        List<String> command = new ArrayList<>();
        if (!spec.entrypoint().isEmpty()) {
            command.addAll(spec.entrypoint());
            command.addAll(spec.command()); // an entrypoint of its own drops the image's command
        } else {
            command.addAll(image.entrypoint() == null ? List.of() : image.entrypoint());
            command.addAll(!spec.command().isEmpty() ? spec.command() : image.cmd() == null ? List.of() : image.cmd());
        }
        if (command.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                spec.withEntrypoint(List.of("/bin/sh", "-c", SCRIPT, NAME)).withCommand(command));
    }

    /** Lets a held container run its command; a container already running it ignores this. */
    static void release(Engine engine, String containerId) throws EngineException {
        engine.signal(containerId, RELEASE_SIGNAL);
    }
}
