package io.github.docstack.stack;

import io.github.docstack.engine.ContainerSpec;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A resolved, wired, rendered stack: every container it runs, fully specified, and what each waits for. Both
 * {@code up} and the Compose export work from this.
 *
 * @param secrets   the id of the secrets it was rendered with (it labels the volumes it makes), and their values,
 *                  which never reach a log
 */
public record Deployment(
        String stack,
        String network,
        List<Volume> volumes,
        List<Unit> units,
        List<Output> outputs,
        Path stateDirectory,
        List<Verification> verifications,
        Secrets secrets) {

    /**
     * A named volume of the stack, and the release of the image whose services keep their data in it (null when that
     * image names none): data one release made, another may not read.
     */
    public record Volume(String name, String release) {}

    /** The secrets a deployment was rendered with: their store's id, and the values to keep out of messages. */
    public record Secrets(String id, Set<String> values) {

        public Secrets {
            values = Set.copyOf(values);
        }

        /** {@code text} with every secret value replaced by {@code ******}. */
        public String redact(String text) {
            String redacted = text;
            for (String value : values) {
                redacted = redacted.replace(value, "******");
            }
            return redacted;
        }
    }

    public enum Kind {
        SERVICE,
        PROVISION,
        INIT,
        VERIFY;

        /** The value of a container's {@link StackLabels#KIND} label. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One container: a long-running service, or a one-shot provision or init step.
     *
     * @param id          unique id, also the step's name in progress output
     * @param project     the project it belongs to
     * @param after       ids of units that must be done (services: healthy; one-shots: exited 0) first
     * @param readiness   the check that says a service is ready, or null (then: running for a moment without exiting)
     * @param configHash  hash of everything that defines the container; a changed hash means recreate
     * @param version     its image's id, or for an init step with inputs what they hash to: what it runs, without
     *                    the secrets and addresses it runs with
     */
    public record Unit(
            String id,
            String project,
            Kind kind,
            ContainerSpec spec,
            Set<String> after,
            Readiness readiness,
            String configHash,
            Map<Integer, Integer> ports,
            String version) {

        /** A unit whose version is its config hash. */
        public Unit(
                String id,
                String project,
                Kind kind,
                ContainerSpec spec,
                Set<String> after,
                Readiness readiness,
                String configHash,
                Map<Integer, Integer> ports) {
            this(id, project, kind, spec, after, readiness, configHash, ports, configHash);
        }

        /** Whether readiness is a healthcheck's verdict. */
        public boolean healthcheck() {
            return readiness != null;
        }
    }

    /**
     * An acceptance test, run by verify once the stack is up; not part of up.
     *
     * @param reports where in the container it writes JUnit XML, or null
     */
    public record Verification(String id, String project, ContainerSpec spec, String reports) {}

    /**
     * A file rendered once the stack is up; with a title (else null), up shows its content too.
     *
     * @param secret whether the content holds a secret (then only its owner may read the file)
     */
    public record Output(String project, String file, String content, String title, boolean secret) {}

    /**
     * The first service, in the deployment's order, that {@code unit} waits for, directly or through the steps it
     * waits for; empty when it waits for none. Healthy before the unit starts.
     */
    public Optional<Unit> serviceBefore(Unit unit) {
        Map<String, Unit> byId = new HashMap<>();
        units.forEach(each -> byId.put(each.id(), each));
        Set<String> before = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(unit.after());
        while (!toVisit.isEmpty()) {
            Unit next = byId.get(toVisit.pop());
            if (next != null && before.add(next.id())) {
                toVisit.addAll(next.after());
            }
        }
        return units.stream()
                .filter(each -> each.kind() == Kind.SERVICE && before.contains(each.id()))
                .findFirst();
    }

    /** The ids of the units that some unit waits for; a unit not among them only decides when up is done. */
    public Set<String> awaited() {
        Set<String> awaited = new HashSet<>();
        units.forEach(unit -> awaited.addAll(unit.after()));
        return Set.copyOf(awaited);
    }

    public List<Unit> units(Kind kind) {
        return units.stream().filter(unit -> unit.kind() == kind).toList();
    }
}
