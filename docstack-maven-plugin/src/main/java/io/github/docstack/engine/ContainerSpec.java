package io.github.docstack.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run: a container of an image, with its command, environment, labels, healthcheck, network, volumes
 * and published ports. Build one with {@link #of(String)} and the {@code with...} methods.
 *
 * @param image       image reference
 * @param name        container name, or null for one the engine picks
 * @param command     command in exec form, or empty for the image's own
 * @param entrypoint  entrypoint in exec form, or empty for the image's own
 * @param environment environment variables
 * @param labels      container labels (docstack finds its containers by these)
 * @param healthcheck the healthcheck, or null for the image's own
 * @param ports       container port to the port published on 127.0.0.1 (0: any free port)
 * @param network     user-defined network to join, {@link #networkOf} a container's to share its network namespace, or
 *                    null for the default bridge
 * @param aliases     names the container answers to on {@code network}
 * @param volumes     named volume to the path it is mounted at
 * @param user        user to run as, or null for the image's
 * @param workingDir  working directory, or null for the image's
 * @param capAdd      Linux capabilities added to the container's default set (never privileged)
 */
public record ContainerSpec(
        String image,
        String name,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> environment,
        Map<String, String> labels,
        Healthcheck healthcheck,
        Map<Integer, Integer> ports,
        String network,
        List<String> aliases,
        Map<String, String> volumes,
        String user,
        String workingDir,
        List<String> capAdd) {

    public ContainerSpec {
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        labels = Map.copyOf(labels);
        ports = Map.copyOf(ports);
        aliases = List.copyOf(aliases);
        volumes = Map.copyOf(volumes);
        capAdd = List.copyOf(capAdd);
    }

    /**
     * The {@code network} that shares {@code container}'s network namespace (its address, its name server, its
     * names), as {@code docker run --network container:NAME}: a container that borrows it gets no namespace, resolver
     * and firewall rules of its own.
     */
    public static String networkOf(String container) {
        return "container:" + container;
    }

    /** Whether this container borrows another's network namespace ({@link #networkOf}). */
    public boolean sharesNetworkNamespace() {
        return network != null && network.startsWith("container:");
    }

    public static ContainerSpec of(String image) {
        return new ContainerSpec(
                image, null, List.of(), List.of(), Map.of(), Map.of(), null, Map.of(), null, List.of(), Map.of(), null,
                null, List.of());
    }

    public ContainerSpec withName(String value) {
        return new ContainerSpec(
                image,
                value,
                command,
                entrypoint,
                environment,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withCommand(List<String> value) {
        return new ContainerSpec(
                image,
                name,
                value,
                entrypoint,
                environment,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withEntrypoint(List<String> value) {
        return new ContainerSpec(
                image,
                name,
                command,
                value,
                environment,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withEnvironment(Map<String, String> value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                value,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withLabels(Map<String, String> value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                value,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withHealthcheck(Healthcheck value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                labels,
                value,
                ports,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withPorts(Map<Integer, Integer> value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                labels,
                healthcheck,
                value,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withNetwork(String value, List<String> networkAliases) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                labels,
                healthcheck,
                ports,
                value,
                networkAliases,
                volumes,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withVolumes(Map<String, String> value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                value,
                user,
                workingDir,
                capAdd);
    }

    public ContainerSpec withUser(String value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                value,
                workingDir,
                capAdd);
    }

    public ContainerSpec withWorkingDir(String value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                user,
                value,
                capAdd);
    }

    public ContainerSpec withCapAdd(List<String> value) {
        return new ContainerSpec(
                image,
                name,
                command,
                entrypoint,
                environment,
                labels,
                healthcheck,
                ports,
                network,
                aliases,
                volumes,
                user,
                workingDir,
                value);
    }
}
