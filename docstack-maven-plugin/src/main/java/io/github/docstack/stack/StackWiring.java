package io.github.docstack.stack;

import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.Healthcheck;
import io.github.docstack.engine.Sha256;
import io.github.docstack.manifest.Manifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Wires a resolved stack: matches every requirement to exactly one provider, renders placeholders and exports,
 * and says what waits for what:
 * provider services healthy, then provisions (one per consumer), then the consumer's init steps in order (each
 * waiting only for the capabilities it needs, all by default), then its services. Ports clash here, before anything starts.
 */
public final class StackWiring {

    private StackWiring() {}

    /** As {@link #wire(Stack, List, SecretStore, int, Map)}, every port published on this machine's loopback address. */
    public static Deployment wire(Stack stack, List<ResolvedProject> projects, SecretStore secrets, int portOffset)
            throws StackException {
        return wire(stack, projects, secrets, portOffset, Map.of());
    }

    /**
     * Wires the resolved projects into units that say what each waits for, with every placeholder rendered.
     *
     * @param publishedAddresses project name to the address its published ports answer on, from this machine (a
     *                           project placed on another Swarm node); a project not named answers on
     *                           {@link Engine#LOOPBACK}
     */
    public static Deployment wire(
            Stack stack,
            List<ResolvedProject> projects,
            SecretStore secrets,
            int portOffset,
            Map<String, String> publishedAddresses)
            throws StackException {
        return wire(stack, projects, secrets, portOffset, publishedAddresses, ReadinessGate.ENGINE);
    }

    /**
     * As {@link #wire(Stack, List, SecretStore, int, Map)}, with the engine's checks as often as {@code gate} needs
     * them where a manifest says nothing.
     */
    public static Deployment wire(
            Stack stack,
            List<ResolvedProject> projects,
            SecretStore secrets,
            int portOffset,
            Map<String, String> publishedAddresses,
            ReadinessGate gate)
            throws StackException {
        String network = stack.name();
        Map<String, ResolvedProject> byName = new LinkedHashMap<>();
        projects.forEach(project -> byName.put(project.name(), project));
        Map<String, Map<Integer, Integer>> ports = ports(projects, portOffset);
        Map<String, String> serviceAddresses = new HashMap<>();
        projects.forEach(project -> project.manifest()
                .services()
                .keySet()
                .forEach(service -> serviceAddresses.put(
                        service, publishedAddresses.getOrDefault(project.name(), Engine.LOOPBACK))));
        Renderer renderer = new Renderer(
                stack.name(),
                secrets.get(SecretKeys.ADMIN),
                project -> secrets.get(SecretKeys.own(project)),
                ports,
                serviceAddresses);

        // Who provides what, and who each requirement is met by.
        Map<String, List<String>> providers = new HashMap<>();
        for (ResolvedProject project : projects) {
            for (Manifest.Capability capability : project.manifest().provides()) {
                providers
                        .computeIfAbsent(capability.capability(), key -> new ArrayList<>())
                        .add(project.name());
            }
        }
        List<Deployment.Unit> units = new ArrayList<>();
        List<Deployment.Verification> verifications = new ArrayList<>();
        Map<String, Deployment.Volume> volumes = new TreeMap<>();
        // project -> capability -> the units that meet it (provider services, the consumer's provision step)
        Map<String, Map<String, Set<String>>> readyBefore = new HashMap<>();
        Map<String, Map<String, String>> importedEnvironment = new HashMap<>();
        for (ResolvedProject consumer : projects) {
            Map<String, Set<String>> gatesByCapability = new LinkedHashMap<>();
            Map<String, String> imported = new LinkedHashMap<>();
            for (Manifest.Requirement requirement : consumer.manifest().requires()) {
                String providerName = provider(requirement, consumer, providers);
                ResolvedProject provider = byName.get(providerName);
                Manifest.Capability capability = provider.manifest().provides().stream()
                        .filter(offered -> offered.capability().equals(requirement.capability()))
                        .findFirst()
                        .orElseThrow();
                Set<String> gates =
                        gatesByCapability.computeIfAbsent(requirement.capability(), key -> new LinkedHashSet<>());
                serviceIds(provider).forEach(gates::add);
                Map<String, String> with = new LinkedHashMap<>();
                for (Map.Entry<String, String> entry : requirement.with().entrySet()) {
                    String value = renderer.render(
                            entry.getValue(),
                            Renderer.Scope.of(
                                    consumer.name(),
                                    consumer.name() + " (requires " + requirement.capability() + ", with."
                                            + entry.getKey() + ")"));
                    if (!Manifest.Requirement.isSafeWithValue(
                            value)) { // a manifest from an image label was never validated
                        throw new StackException(
                                consumer.name() + " gives with." + entry.getKey() + " for " + requirement.capability()
                                        + " a value that breaks rule with-value: a provision command could misread it");
                    }
                    with.put(entry.getKey(), value);
                }
                String secret = secrets.get(SecretKeys.account(providerName, consumer.name()));
                Renderer.Scope scope = new Renderer.Scope(
                        providerName + " (exports of " + requirement.capability() + " for " + consumer.name() + ")",
                        providerName,
                        consumer.name(),
                        secret,
                        with);
                for (Map.Entry<String, String> export : capability.exports().entrySet()) {
                    imported.put(export.getKey(), renderer.render(export.getValue(), scope));
                }
                if (!capability.provision().isEmpty()) {
                    Map<String, String> environment = new LinkedHashMap<>();
                    for (Map.Entry<String, String> variable :
                            capability.provisionEnvironment().entrySet()) {
                        environment.put(variable.getKey(), renderer.render(variable.getValue(), scope));
                    }
                    environment.put("DOCSTACK_CONSUMER", consumer.name());
                    environment.put("DOCSTACK_SECRET", secret);
                    with.forEach(
                            (key, value) -> environment.put("DOCSTACK_WITH_" + key.toUpperCase(Locale.ROOT), value));
                    List<String> command = new ArrayList<>();
                    for (String argument : capability.provision()) {
                        command.add(renderer.render(argument, scope));
                    }
                    String id = "provision-" + providerName + "-" + consumer.name();
                    ContainerSpec spec = ContainerSpec.of(provider.image())
                            .withName(stack.name() + "-" + id)
                            .withCommand(command)
                            .withEnvironment(environment)
                            .withNetwork(network, List.of());
                    units.add(unit(
                            stack,
                            id,
                            providerName,
                            Deployment.Kind.PROVISION,
                            spec,
                            serviceIds(provider),
                            null,
                            provider,
                            Map.of()));
                    gates.add(id);
                }
            }
            readyBefore.put(consumer.name(), gatesByCapability);
            importedEnvironment.put(consumer.name(), imported);
        }

        for (ResolvedProject project : projects) {
            Manifest manifest = project.manifest();
            Map<String, Set<String>> gatesByCapability = readyBefore.get(project.name());
            Set<String> gates = new LinkedHashSet<>();
            gatesByCapability.values().forEach(gates::addAll);
            Map<String, String> imported = importedEnvironment.get(project.name());
            // Init steps see the project's volumes: key setup or migrations of data the services then use.
            Map<String, String> projectVolumes = new TreeMap<>();
            for (Manifest.Service service : manifest.services().values()) {
                service.volumes().forEach((volume, path) -> projectVolumes.put(stack.name() + "_" + volume, path));
            }
            Set<String> earlierSteps = new LinkedHashSet<>();
            for (Manifest.Step step : manifest.init()) {
                String id = "init-" + project.name() + "-" + step.name();
                // A step waits for the steps before it and for what it needs: by default all the project requires.
                Set<String> stepGates = new LinkedHashSet<>(earlierSteps);
                if (step.needs() == null) {
                    stepGates.addAll(gates);
                } else {
                    step.needs()
                            .forEach(capability ->
                                    stepGates.addAll(gatesByCapability.getOrDefault(capability, Set.of())));
                }
                ContainerSpec spec = ContainerSpec.of(project.image())
                        .withName(stack.name() + "-" + id)
                        .withCommand(render(
                                step.command(),
                                renderer,
                                Renderer.Scope.of(project.name(), project.name() + " init " + step.name())))
                        .withEnvironment(environment(
                                imported,
                                step.environment(),
                                renderer,
                                Renderer.Scope.of(project.name(), project.name() + " init " + step.name())))
                        .withNetwork(network, List.of())
                        .withVolumes(projectVolumes);
                units.add(unit(
                        stack,
                        id,
                        project.name(),
                        Deployment.Kind.INIT,
                        spec,
                        Set.copyOf(stepGates),
                        null,
                        project.stepVersion(step),
                        Map.of()));
                earlierSteps.add(id); // init steps run in the order written
            }
            gates.addAll(earlierSteps);
            for (Manifest.Service service : manifest.services().values()) {
                Map<String, String> serviceVolumes = new TreeMap<>();
                service.volumes().forEach((volume, path) -> serviceVolumes.put(stack.name() + "_" + volume, path));
                serviceVolumes
                        .keySet()
                        .forEach(volume -> volumes.put(volume, new Deployment.Volume(volume, project.release())));
                Healthcheck healthcheck = healthcheck(service.healthcheck(), gate);
                ContainerSpec spec = ContainerSpec.of(project.image())
                        .withName(stack.name() + "-" + service.name())
                        .withCommand(render(
                                service.command(),
                                renderer,
                                Renderer.Scope.of(project.name(), project.name() + " service " + service.name())))
                        .withEntrypoint(render(
                                service.entrypoint(),
                                renderer,
                                Renderer.Scope.of(project.name(), project.name() + " service " + service.name())))
                        .withEnvironment(environment(
                                imported,
                                service.environment(),
                                renderer,
                                Renderer.Scope.of(project.name(), project.name() + " service " + service.name())))
                        .withHealthcheck(healthcheck)
                        .withPorts(ports.get(service.name()))
                        .withNetwork(network, List.of(service.name()))
                        .withVolumes(serviceVolumes)
                        .withUser(service.user())
                        .withWorkingDir(service.workingDir())
                        .withCapAdd(service.capAdd());
                units.add(unit(
                        stack,
                        service.name(),
                        project.name(),
                        Deployment.Kind.SERVICE,
                        spec,
                        Set.copyOf(gates),
                        healthcheck != null ? Readiness.of(healthcheck) : project.imageReadiness(),
                        project,
                        ports.get(service.name())));
            }
            for (Manifest.Verification verification : manifest.verify()) {
                String id = "verify-" + project.name() + "-" + verification.name();
                Renderer.Scope owner =
                        Renderer.Scope.of(project.name(), project.name() + " verify " + verification.name());
                ContainerSpec spec = ContainerSpec.of(project.image())
                        .withName(stack.name() + "-" + id)
                        .withCommand(render(verification.command(), renderer, owner))
                        .withEnvironment(environment(imported, verification.environment(), renderer, owner))
                        .withNetwork(network, List.of());
                verifications.add(new Deployment.Verification(
                        id,
                        project.name(),
                        spec.withLabels(labels(
                                stack, id, project.name(), Deployment.Kind.VERIFY, hash(spec, project.imageId()))),
                        verification.reports()));
            }
        }

        List<Deployment.Output> outputs = new ArrayList<>();
        for (ResolvedProject project : projects) {
            for (Manifest.Output output : project.manifest().outputs()) {
                String content = renderer.render(
                        output.content(),
                        Renderer.Scope.of(project.name(), project.name() + " output " + output.file()));
                outputs.add(new Deployment.Output(
                        project.name(),
                        output.file(),
                        content,
                        output.title(),
                        secrets.all().values().stream().anyMatch(content::contains)));
            }
        }
        return new Deployment(
                stack.name(),
                network,
                List.copyOf(volumes.values()),
                units,
                outputs,
                StackPreparer.stateDirectory(stack),
                verifications,
                new Deployment.Secrets(
                        secrets.id(), java.util.Set.copyOf(secrets.all().values())));
    }

    private static String provider(
            Manifest.Requirement requirement, ResolvedProject consumer, Map<String, List<String>> providers)
            throws StackException {
        List<String> candidates = providers.getOrDefault(requirement.capability(), List.of());
        if (candidates.isEmpty()) {
            throw new StackException(consumer.name() + " requires " + requirement.capability()
                    + ", but no project of the" + " stack provides it: add a project that provides "
                    + requirement.capability() + " to the stack file");
        }
        if (candidates.size() > 1) {
            throw new StackException(consumer.name() + " requires " + requirement.capability() + ", and "
                    + String.join(" and ", candidates) + " all provide it: keep one of them in the stack file");
        }
        return candidates.get(0);
    }

    /** Service name to container port to published host port; two services on one host port is an error. */
    private static Map<String, Map<Integer, Integer>> ports(List<ResolvedProject> projects, int portOffset)
            throws StackException {
        Map<String, Map<Integer, Integer>> ports = new HashMap<>();
        Map<Integer, String> taken = new HashMap<>();
        Map<String, String> serviceOwners = new HashMap<>();
        for (ResolvedProject project : projects) {
            for (Manifest.Service service : project.manifest().services().values()) {
                String earlier = serviceOwners.putIfAbsent(service.name(), project.name());
                if (earlier != null) {
                    throw new StackException("Projects " + earlier + " and " + project.name()
                            + " both have a service named " + service.name()
                            + ": container names and network aliases must be unique in a stack");
                }
                Map<Integer, Integer> servicePorts = new TreeMap<>();
                for (int port : service.ports()) {
                    int host = port + portOffset;
                    String owner = taken.putIfAbsent(host, project.name() + "/" + service.name());
                    if (owner != null) {
                        throw new StackException(
                                "Port " + host + " is wanted by " + owner + " and by " + project.name() + "/"
                                        + service.name()
                                        + ": two services cannot be published on one host port; drop one of the"
                                        + " projects from the stack");
                    }
                    servicePorts.put(port, host);
                }
                ports.put(service.name(), servicePorts);
            }
        }
        return ports;
    }

    private static Set<String> serviceIds(ResolvedProject project) {
        return new LinkedHashSet<>(project.manifest().services().keySet());
    }

    private static List<String> render(List<String> values, Renderer renderer, Renderer.Scope scope)
            throws StackException {
        List<String> rendered = new ArrayList<>();
        for (String value : values) {
            rendered.add(renderer.render(value, scope));
        }
        return rendered;
    }

    private static Map<String, String> environment(
            Map<String, String> imported, Map<String, String> own, Renderer renderer, Renderer.Scope scope)
            throws StackException {
        Map<String, String> environment = new LinkedHashMap<>(imported);
        for (Map.Entry<String, String> entry : own.entrySet()) {
            environment.put(entry.getKey(), renderer.render(entry.getValue(), scope));
        }
        return environment;
    }

    private static Healthcheck healthcheck(Manifest.HealthcheckSpec spec, ReadinessGate gate) {
        if (spec == null) {
            return null;
        }
        Duration interval = Durations.parse(spec.interval(), gate.defaultInterval());
        Duration fastest = interval.compareTo(Healthcheck.DEFAULT_START_INTERVAL) < 0
                ? interval
                : Healthcheck.DEFAULT_START_INTERVAL;
        return new Healthcheck(
                spec.command(),
                interval,
                Durations.parse(spec.timeout(), Healthcheck.DEFAULT_TIMEOUT),
                spec.retries() == null ? Healthcheck.DEFAULT_RETRIES : spec.retries(),
                Durations.parse(spec.startPeriod(), Healthcheck.DEFAULT_START_PERIOD),
                Durations.parse(spec.startInterval(), fastest));
    }

    private static Deployment.Unit unit(
            Stack stack,
            String id,
            String project,
            Deployment.Kind kind,
            ContainerSpec spec,
            Set<String> after,
            Readiness readiness,
            ResolvedProject image,
            Map<Integer, Integer> ports) {
        return unit(stack, id, project, kind, spec, after, readiness, image.imageId(), ports);
    }

    /** @param version the image's id, or for an init step with inputs what they hash to */
    private static Deployment.Unit unit(
            Stack stack,
            String id,
            String project,
            Deployment.Kind kind,
            ContainerSpec spec,
            Set<String> after,
            Readiness readiness,
            String version,
            Map<Integer, Integer> ports) {
        String node = stack.project(project).map(Stack.Project::node).orElse(null);
        Map<String, String> placed = node == null ? Map.of() : Map.of(StackLabels.NODE, node);
        String hash = hash(spec.withLabels(placed), version);
        Map<String, String> labels = labels(stack, id, project, kind, hash);
        labels.putAll(placed);
        return new Deployment.Unit(
                id, project, kind, spec.withLabels(labels), Set.copyOf(after), readiness, hash, ports, version);
    }

    /** What finds a container again from any JVM: its stack, project, unit, kind and configuration hash. */
    private static Map<String, String> labels(
            Stack stack, String id, String project, Deployment.Kind kind, String hash) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(StackLabels.STACK, stack.name());
        labels.put(StackLabels.PROJECT, project);
        labels.put(StackLabels.UNIT, id);
        labels.put(StackLabels.KIND, kind.label());
        labels.put(StackLabels.CONFIG_HASH, hash);
        return labels;
    }

    /**
     * A hash of everything that defines a container, in a canonical order; {@code version} is its image's id, or
     * for an init step with inputs what they hash to (the step is done as long as they are the same).
     */
    static String hash(ContainerSpec spec, String version) {
        // The image by its id, not its name: a path: project's tag names the commit, and a commit that leaves the
        // project's build inputs as they were (the same image) must leave its containers alone.
        String canonical = String.join(
                        "\n",
                        version,
                        String.valueOf(spec.name()),
                        spec.command().toString(),
                        spec.entrypoint().toString(),
                        new TreeMap<>(spec.environment()).toString(),
                        String.valueOf(spec.healthcheck()),
                        new TreeMap<>(spec.ports()).toString(),
                        String.valueOf(spec.network()),
                        spec.aliases().toString(),
                        new TreeMap<>(spec.volumes()).toString(),
                        String.valueOf(spec.user()),
                        String.valueOf(spec.workingDir()))
                // Only when set, so the containers of a stack that adds none keep their hash across this change.
                + (spec.capAdd().isEmpty() ? "" : "\ncap_add " + spec.capAdd())
                + (spec.labels().containsKey(StackLabels.NODE)
                        ? "\nnode " + spec.labels().get(StackLabels.NODE)
                        : "");
        return Sha256.hex(canonical, 8);
    }
}
