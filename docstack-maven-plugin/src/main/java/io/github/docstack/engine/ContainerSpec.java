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
 * @param ports       container port to the port published on 127.0.0.1 (0: any free port)
 */
public record ContainerSpec(String image, String name, List<String> command, Map<String, String> environment,
        Map<String, String> labels, Healthcheck healthcheck, Map<Integer, Integer> ports) {

    public ContainerSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        ports = Map.copyOf(ports);
    }

    public static ContainerSpec of(String image) {
        return new ContainerSpec(image, null, List.of(), Map.of(), Map.of(), null, Map.of());
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(image, newName, command, environment, labels, healthcheck, ports);
    }

    public ContainerSpec withCommand(List<String> newCommand) {
        return new ContainerSpec(image, name, newCommand, environment, labels, healthcheck, ports);
    }

    public ContainerSpec withEnvironment(Map<String, String> newEnvironment) {
        return new ContainerSpec(image, name, command, newEnvironment, labels, healthcheck, ports);
    }

    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(image, name, command, environment, newLabels, healthcheck, ports);
    }

    public ContainerSpec withHealthcheck(Healthcheck newHealthcheck) {
        return new ContainerSpec(image, name, command, environment, labels, newHealthcheck, ports);
    }

    public ContainerSpec withPorts(Map<Integer, Integer> newPorts) {
        return new ContainerSpec(image, name, command, environment, labels, healthcheck, newPorts);
    }
}
