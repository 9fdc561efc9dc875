package io.github.docstack.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.docstack.files.PrivateFiles;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.SecretKeys;
import io.github.docstack.stack.SecretStore;
import io.github.docstack.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a deployment's Kubernetes manifests into a directory: {@code stack.yaml} with every object but the Secret,
 * {@code secret.yaml} (0600) with it, so {@code kubectl apply -f <directory>} runs the stack, and the acceptance
 * tests as Jobs in {@code verify/jobs.yaml}, applied on their own once the stack is up. Every object is first
 * checked against Kubernetes' own schema.
 */
public final class KubernetesExport {

    /** Where it wrote the files ({@code verify} null when the stack has no acceptance test), and what it left out. */
    public record KubernetesFiles(Path stack, Path secret, Path verify, List<String> unmapped) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private KubernetesExport() {}

    /**
     * Writes the deployment's manifests, its secrets in a file of their own that only its owner may read.
     *
     * @throws StackException when an object does not match Kubernetes' schema (a docstack bug)
     */
    public static KubernetesFiles write(
            Deployment deployment, SecretStore secrets, Path directory, KubernetesManifests.Options options)
            throws IOException, StackException {
        Map<String, String> secretValues = new TreeMap<>();
        secrets.all().forEach((key, value) -> secretValues.put(SecretKeys.variable(key), value));
        KubernetesManifests.Manifests manifests = KubernetesManifests.of(deployment, secretValues, options);
        List<HasMetadata> all = new ArrayList<>(manifests.objects());
        all.add(manifests.secret());
        all.addAll(manifests.verifications());
        validate(all);

        Files.createDirectories(directory);
        String header = "# Written by docstack:kubernetes from the stack " + deployment.stack()
                + ". Run: kubectl apply -f " + directory.getFileName() + "/\n";
        Path stack = directory.resolve("stack.yaml");
        PrivateFiles.write(stack, header + documents(manifests.objects()), false);
        Path secret = directory.resolve("secret.yaml");
        PrivateFiles.write(secret, documents(List.of(manifests.secret())));
        Path verify = null;
        Path verifyDirectory = directory.resolve("verify");
        if (manifests.verifications().isEmpty()) {
            Files.deleteIfExists(verifyDirectory.resolve("jobs.yaml"));
        } else {
            Files.createDirectories(verifyDirectory);
            verify = verifyDirectory.resolve("jobs.yaml");
            PrivateFiles.write(
                    verify,
                    "# The acceptance tests of the stack " + deployment.stack()
                            + ", once it is up. Run: kubectl apply -f verify/\n" + documents(manifests.verifications()),
                    false);
        }
        return new KubernetesFiles(stack, secret, verify, manifests.unmapped());
    }

    /** Every object is checked against Kubernetes' schema before any file is written. */
    private static void validate(List<HasMetadata> objects) throws IOException, StackException {
        KubernetesSchema schema = new KubernetesSchema();
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : objects) {
            schema.problems(YAML.valueToTree(object))
                    .forEach(problem -> problems.add(
                            object.getKind() + " " + object.getMetadata().getName() + ": " + problem));
        }
        if (!problems.isEmpty()) {
            throw new StackException(
                    "The Kubernetes objects docstack made do not match Kubernetes' schema (a docstack bug,"
                            + " please report it): " + String.join("; ", problems));
        }
    }

    /** The objects as one YAML stream, a document each. */
    static String documents(List<? extends HasMetadata> objects) throws IOException {
        StringBuilder stream = new StringBuilder();
        for (HasMetadata object : objects) {
            stream.append("---\n").append(YAML.writeValueAsString(object));
        }
        return stream.toString();
    }
}
