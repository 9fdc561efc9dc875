package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.VolumeSummary;
import io.github.docstack.image.CredentialSource;
import io.github.docstack.image.ImagePuller;
import io.github.docstack.image.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Resolves and wires a stack, with its secrets kept beside the stack file: what up and compose both start from. */
public final class StackPreparer {

    /** A wired stack, and the secrets it uses (saved). */
    public record Prepared(Deployment deployment, SecretStore secrets) {}

    private StackPreparer() {}

    /** The directory of a stack's secrets and outputs: {@code .docstack/<stack>/} beside the stack file. */
    public static Path stateDirectory(Stack stack) {
        return stack.file().getParent().resolve(".docstack").resolve(stack.name());
    }

    /** The file of a stack's secrets, in its state directory. */
    public static Path secretsFile(Stack stack) {
        return stateDirectory(stack).resolve("secrets.properties");
    }

    /** As {@link #prepare(Stack, Engine, EngineLog, int, int, CredentialSource)}, with the Docker client's credentials. */
    public static Prepared prepare(Stack stack, Engine engine, EngineLog log, int portOffset, int parallelism)
            throws StackException, EngineException, IOException {
        return prepare(stack, engine, log, portOffset, parallelism, CredentialSource.dockerConfig(System.getenv()));
    }

    /** As {@link #prepare(Stack, Engine, EngineLog, int, int, CredentialSource, ReadinessGate)}, for the engine's gate. */
    public static Prepared prepare(
            Stack stack, Engine engine, EngineLog log, int portOffset, int parallelism, CredentialSource credentials)
            throws StackException, EngineException, IOException {
        return prepare(stack, engine, log, portOffset, parallelism, credentials, ReadinessGate.ENGINE);
    }

    /**
     * Resolves every project's image (pulled with {@code credentials} where it comes from a registry) and wires the
     * stack, its checks as often as {@code gate} needs them.
     */
    public static Prepared prepare(
            Stack stack,
            Engine engine,
            EngineLog log,
            int portOffset,
            int parallelism,
            CredentialSource credentials,
            ReadinessGate gate)
            throws StackException, EngineException, IOException {
        SecretStore secrets = new SecretStore(secretsFile(stack));
        ImagePuller puller = new ImagePuller(engine, log, RetryPolicy.DEFAULT, credentials);
        // Images first: each project's build inputs are read and hashed while the engine may still be connecting
        // (Engine#inBackground); building or pulling an image generates no secret and starts nothing.
        List<ResolvedProject> images = new StackResolver(engine, log, parallelism, puller).resolve(stack);
        List<VolumeSummary> volumes = engine.volumes(StackLabels.STACK, stack.name());
        checkVolumesMatch(stack, volumes, secrets);
        Map<String, String> publishedAddresses = new java.util.HashMap<>();
        for (Stack.Project project : stack.projects()) {
            if (project.node() != null) {
                publishedAddresses.put(project.name(), engine.publishedAddress(project.node()));
            }
        }
        Deployment deployment = StackWiring.wire(stack, images, secrets, portOffset, publishedAddresses, gate);
        checkVolumesRelease(deployment, volumes);
        secrets.save();
        Map<String, String> variables = new java.util.TreeMap<>();
        secrets.all().forEach((key, value) -> variables.put(SecretKeys.variable(key), value));
        engine.keepSecrets(variables);
        return new Prepared(deployment, secrets);
    }

    /**
     * Removes the stack's state directory (its secrets and outputs), for when its data goes too.
     *
     * @return whether there was one
     */
    public static boolean removeState(Stack stack) throws IOException {
        Path directory = stateDirectory(stack);
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        return true;
    }

    /**
     * Stops before a secret is saved or anything starts when a volume of the stack holds data that images of another
     * release made. Volumes made before docstack labelled them with a release, and images of no named release, pass.
     */
    static void checkVolumesRelease(Deployment deployment, List<VolumeSummary> volumes)
            throws VolumesOfAnotherReleaseException {
        Map<String, String> asked = new TreeMap<>();
        deployment.volumes().stream()
                .filter(volume -> volume.release() != null)
                .forEach(volume -> asked.put(volume.name(), volume.release()));
        Map<String, String> madeBy = new TreeMap<>();
        for (VolumeSummary volume : volumes) {
            String release = volume.labels().get(StackLabels.RELEASE);
            String wanted = asked.get(volume.name());
            if (release != null && wanted != null && !release.equals(wanted)) {
                madeBy.put(volume.name(), release);
            }
        }
        if (!madeBy.isEmpty()) {
            throw new VolumesOfAnotherReleaseException(deployment.stack(), madeBy, asked);
        }
    }

    /**
     * Stops before a secret is generated or anything starts when a volume of the stack was made with other secrets.
     * Volumes made before docstack labelled them carry no secrets id and pass.
     */
    static void checkVolumesMatch(Stack stack, List<VolumeSummary> volumes, SecretStore secrets)
            throws ForeignVolumesException {
        List<String> foreign = new ArrayList<>();
        for (VolumeSummary volume : volumes) {
            String madeWith = volume.labels().get(StackLabels.SECRETS);
            if (madeWith != null && !madeWith.equals(secrets.id())) {
                foreign.add(volume.name());
            }
        }
        if (!foreign.isEmpty()) {
            throw new ForeignVolumesException(stack.name(), foreign, secrets.file());
        }
    }
}
