package io.github.docstack.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container spec as a Swarm service spec. The service is made with no replica (as a container is created, not
 * started); {@link SwarmEngine#start} gives it one, or runs it as a job. A secret never enters the spec, which
 * {@code docker service inspect} shows: each one the container uses is a Swarm secret mounted in
 * {@code /run/secrets/}, and a short {@code sh -c} reads them and sets the variables and arguments that hold them
 * before it runs the container's own command.
 */
final class SwarmServiceSpec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRETS_DIRECTORY = "/run/secrets/";

    private SwarmServiceSpec() {}

    /**
     * @param node        the node it must run on (its hostname), or null for any
     * @param elsewhere   whether that node is not the manager's, where up cannot run the check in the container
     * @param secretRefs  for each secret the container uses (by its variable name), its Swarm secret
     * @param secrets     secret value to its variable name, longest value first
     * @param imageRuns   the image's entrypoint and command, which a wrapped container must run itself
     */
    static ObjectNode of(
            ContainerSpec spec,
            String node,
            boolean elsewhere,
            Map<String, String> secrets,
            Map<String, SecretRef> secretRefs,
            ImageRun imageRuns) {
        ObjectNode service = JSON.createObjectNode().put("Name", spec.name());
        service.set("Labels", JSON.valueToTree(spec.labels()));
        ObjectNode task = service.putObject("TaskTemplate");
        ObjectNode container =
                task.putObject("ContainerSpec").put("Image", spec.image()).put("Hostname", spec.name());
        container.set("Labels", JSON.valueToTree(spec.labels()));
        Healthcheck check = spec.healthcheck();
        if (elsewhere && check != null) {
            // up cannot run the check in a container on another node, so the Swarm runs it, at up's start interval
            // (Docker
            // 20.10 has no start interval of its own), and up reads its verdict: the task runs once the check passes.
            ObjectNode swarmCheck = container
                    .putObject("Healthcheck")
                    .put("Interval", check.startInterval().toNanos())
                    .put("Timeout", check.timeout().toNanos())
                    .put("Retries", check.retries())
                    .put("StartPeriod", check.startPeriod().toNanos());
            Map<String, String> inCheck = usedSecrets(check.command(), secrets);
            if (inCheck.isEmpty()) {
                ArrayNode test = swarmCheck.putArray("Test").add("CMD");
                check.command().forEach(test::add);
            } else { // read from the secret's file, as the command does, so the spec never holds it
                swarmCheck
                        .putArray("Test")
                        .add("CMD-SHELL")
                        .add(readSecrets(inCheck) + "exec " + ShellWords.quote(check.command(), inCheck));
            }
        } else if (!elsewhere) {
            // Here up gates readiness itself: a Swarm healthcheck would hide the service's name until its first check
            // (one interval after start: Docker 20.10 has no start interval), and the image's own would do the same.
            container.putObject("Healthcheck").putArray("Test").add("NONE");
        }
        if (spec.user() != null) {
            container.put("User", spec.user());
        }
        if (spec.workingDir() != null) {
            container.put("Dir", spec.workingDir());
        }
        if (!spec.capAdd().isEmpty()) {
            container.set("CapabilityAdd", JSON.valueToTree(spec.capAdd()));
        }
        Map<String, String> used = usedSecrets(spec, elsewhere, secrets);
        ArrayNode environment = container.putArray("Env");
        List<String> exports = new ArrayList<>();
        spec.environment().forEach((name, value) -> {
            if (used.keySet().stream().anyMatch(value::contains)) {
                exports.add("export " + name + "=" + ShellWords.quote(value, used));
            } else {
                environment.add(name + "=" + value);
            }
        });
        List<String> entrypoint = spec.entrypoint().isEmpty() ? imageRuns.entrypoint() : spec.entrypoint();
        List<String> command =
                !spec.command().isEmpty() ? spec.command() : spec.entrypoint().isEmpty() ? imageRuns.cmd() : List.of();
        Map<String, String> inRun = usedSecrets(entrypointAndEnvironment(spec), used);
        if (inRun.isEmpty()) {
            if (!spec.entrypoint().isEmpty()) {
                container.set("Command", JSON.valueToTree(spec.entrypoint()));
            }
            if (!spec.command().isEmpty()) {
                container.set("Args", JSON.valueToTree(spec.command()));
            }
        } else {
            StringBuilder script = new StringBuilder("set -e\n").append(readSecrets(inRun));
            exports.forEach(export -> script.append(export).append('\n'));
            List<String> run = new ArrayList<>(entrypoint);
            run.addAll(command);
            script.append("exec ").append(ShellWords.quote(run, inRun)).append('\n');
            container.set("Command", JSON.valueToTree(List.of("/bin/sh", "-c", script.toString())));
        }
        if (!used.isEmpty()) {
            ArrayNode files = container.putArray("Secrets");
            new TreeMap<>(used).forEach((value, variable) -> {
                SecretRef secret = secretRefs.get(variable);
                ObjectNode file = files.addObject().put("SecretID", secret.id()).put("SecretName", secret.name());
                file.putObject("File")
                        .put("Name", variable)
                        .put("UID", "0")
                        .put("GID", "0")
                        .put("Mode", 0444);
            });
        }
        if (!spec.volumes().isEmpty()) {
            ArrayNode mounts = container.putArray("Mounts");
            new TreeMap<>(spec.volumes())
                    .forEach((volume, path) -> mounts.addObject()
                            .put("Type", "volume")
                            .put("Source", volume)
                            .put("Target", path));
        }
        task.putObject("RestartPolicy").put("Condition", "none");
        if (node != null) {
            task.putObject("Placement").putArray("Constraints").add("node.hostname == " + node);
        }
        if (spec.network() != null) {
            ObjectNode network = task.putArray("Networks").addObject().put("Target", spec.network());
            network.set("Aliases", JSON.valueToTree(spec.aliases()));
        }
        service.putObject("Mode").putObject("Replicated").put("Replicas", 0);
        // The name resolves to the task itself (DNS round robin), and ports are published on the task's node, as
        // -p does: a virtual IP and the routing mesh need the kernel's IPVS, which not every host has.
        ObjectNode endpoint = service.putObject("EndpointSpec").put("Mode", "dnsrr");
        if (!spec.ports().isEmpty()) {
            ArrayNode ports = endpoint.putArray("Ports");
            new TreeMap<>(spec.ports())
                    .forEach((target, published) -> ports.addObject()
                            .put("Protocol", "tcp")
                            .put("TargetPort", target)
                            .put("PublishedPort", published)
                            .put("PublishMode", "host"));
        }
        return service;
    }

    /**
     * Secret value to variable, for the secrets this container's environment or command holds, and its healthcheck
     * when the Swarm runs that ({@code elsewhere}): each is mounted from its Swarm secret.
     */
    static Map<String, String> usedSecrets(ContainerSpec spec, boolean elsewhere, Map<String, String> secrets) {
        List<String> words = entrypointAndEnvironment(spec);
        if (elsewhere && spec.healthcheck() != null) {
            words.addAll(spec.healthcheck().command());
        }
        return usedSecrets(words, secrets);
    }

    private static List<String> entrypointAndEnvironment(ContainerSpec spec) {
        List<String> words = new ArrayList<>(spec.environment().values());
        words.addAll(spec.entrypoint());
        words.addAll(spec.command());
        return words;
    }

    private static Map<String, String> usedSecrets(List<String> words, Map<String, String> secrets) {
        Map<String, String> used = new java.util.LinkedHashMap<>();
        secrets.forEach((value, variable) -> {
            if (words.stream().anyMatch(word -> word.contains(value))) {
                used.put(value, variable);
            }
        });
        return used;
    }

    /** Shell lines that read each secret from its file into the variable named after it. */
    private static String readSecrets(Map<String, String> secrets) {
        StringBuilder lines = new StringBuilder();
        secrets.values().stream()
                .sorted()
                .forEach(variable -> lines.append(variable)
                        .append("=$(cat ")
                        .append(SECRETS_DIRECTORY)
                        .append(variable)
                        .append(")\n"));
        return lines.toString();
    }

    /** A Swarm secret, as a service refers to it. */
    record SecretRef(String id, String name) {}

    /** What the image runs when the spec says nothing. */
    record ImageRun(List<String> entrypoint, List<String> cmd) {}
}
