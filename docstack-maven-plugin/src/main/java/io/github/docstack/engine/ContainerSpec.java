package io.github.docstack.engine;

import java.util.List;
import java.util.Map;

/**
 * What to run: a container of an image, with its command, environment, labels and healthcheck.
 *
 * @param image       image reference
 * @param name        container name, or null for one the engine picks
 * @param command     command in exec form, or empty for the image's own
 * @param environment environment variables
 * @param labels      container labels (docstack finds its containers by these)
 * @param healthcheck the healthcheck, or null for the image's own
 */
public record ContainerSpec(String image, String name, List<String> command, Map<String, String> environment,
        Map<String, String> labels, Healthcheck healthcheck) {

    public ContainerSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
    }

    public static ContainerSpec of(String image) {
        return new ContainerSpec(image, null, List.of(), Map.of(), Map.of(), null);
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(image, newName, command, environment, labels, healthcheck);
    }

    public ContainerSpec withCommand(List<String> newCommand) {
        return new ContainerSpec(image, name, newCommand, environment, labels, healthcheck);
    }

    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(image, name, command, environment, newLabels, healthcheck);
    }

    public ContainerSpec withHealthcheck(Healthcheck newHealthcheck) {
        return new ContainerSpec(image, name, command, environment, labels, newHealthcheck);
    }
}
