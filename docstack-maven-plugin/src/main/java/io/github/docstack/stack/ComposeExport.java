package io.github.docstack.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.Healthcheck;
import io.github.docstack.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a deployment as a Compose file, so plain {@code docker compose up} (or Debian's docker-compose 1.29)
 * runs the same stack: one-shot steps become services that the next ones wait for with
 * {@code service_completed_successfully}, health waits become {@code service_healthy}, the names, network,
 * volumes and environment stay the same, and the secrets go to a 0600 {@code .env} the file refers to.
 * Every file written is checked against the official Compose schema first.
 */
public final class ComposeExport {

    private static final String SCHEMA = "/io/github/docstack/compose-spec.json";

    /** Where it wrote the files. */
    public record ComposeFiles(Path compose, Path env) {}

    private ComposeExport() {}

    public static ComposeFiles write(Deployment deployment, SecretStore secrets, Path directory)
            throws IOException, StackException {
        Map<String, String> secretVariables = new TreeMap<>();
        secrets.all().forEach((key, value) -> secretVariables.put(SecretKeys.variable(key), value));
        Map<String, Object> compose = new LinkedHashMap<>();
        Map<String, Object> services = new LinkedHashMap<>();
        Map<String, Deployment.Unit> units = new LinkedHashMap<>();
        deployment.units().forEach(unit -> units.put(unit.id(), unit));
        for (Deployment.Unit unit : deployment.units()) {
            services.put(unit.id(), service(unit, units, deployment.network(), secretVariables));
        }
        compose.put("services", services);
        compose.put("networks", Map.of(deployment.network(), Map.of()));
        if (!deployment.volumes().isEmpty()) {
            Map<String, Object> volumes = new LinkedHashMap<>();
            deployment.volumes().forEach(volume -> volumes.put(volume.name(), Map.of()));
            compose.put("volumes", volumes);
        }
        validate(compose);

        Files.createDirectories(directory);
        Path composeFile = directory.resolve("compose.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        PrivateFiles.write(
                composeFile,
                "# Written by docstack:compose from the stack " + deployment.stack() + ". Run: docker-compose -p "
                        + deployment.stack() + " up -d\n" + yaml.writeValueAsString(compose),
                false);
        Path envFile = directory.resolve(".env");
        PrivateFiles.write(
                envFile,
                secretVariables.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue() + "\n")
                        .collect(Collectors.joining()));
        return new ComposeFiles(composeFile, envFile);
    }

    private static Map<String, Object> service(
            Deployment.Unit unit, Map<String, Deployment.Unit> units, String network, Map<String, String> secrets) {
        ContainerSpec spec = unit.spec();
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("image", spec.image());
        if (!spec.entrypoint().isEmpty()) {
            service.put("entrypoint", escape(spec.entrypoint(), secrets));
        }
        if (!spec.command().isEmpty()) {
            service.put("command", escape(spec.command(), secrets));
        }
        if (!spec.environment().isEmpty()) {
            Map<String, String> environment = new LinkedHashMap<>();
            spec.environment().forEach((key, value) -> environment.put(key, escape(value, secrets)));
            service.put("environment", environment);
        }
        if (spec.user() != null) {
            service.put("user", spec.user());
        }
        if (spec.workingDir() != null) {
            service.put("working_dir", spec.workingDir());
        }
        if (!spec.capAdd().isEmpty()) {
            service.put("cap_add", spec.capAdd());
        }
        if (!spec.ports().isEmpty()) {
            service.put(
                    "ports",
                    spec.ports().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(port -> Engine.LOOPBACK + ":" + port.getValue() + ":" + port.getKey())
                            .toList());
        }
        if (!spec.volumes().isEmpty()) {
            service.put(
                    "volumes",
                    new TreeMap<>(spec.volumes())
                            .entrySet().stream()
                                    .map(volume -> volume.getKey() + ":" + volume.getValue())
                                    .toList());
        }
        service.put(
                "networks", Map.of(network, spec.aliases().isEmpty() ? Map.of() : Map.of("aliases", spec.aliases())));
        if (spec.healthcheck() != null) {
            Healthcheck check = spec.healthcheck();
            Map<String, Object> healthcheck = new LinkedHashMap<>();
            List<String> test = new ArrayList<>(List.of("CMD"));
            test.addAll(escape(check.command(), secrets));
            healthcheck.put("test", test);
            healthcheck.put("interval", Healthcheck.goDuration(check.interval()));
            healthcheck.put("timeout", Healthcheck.goDuration(check.timeout()));
            healthcheck.put("retries", check.retries());
            healthcheck.put("start_period", Healthcheck.goDuration(check.startPeriod()));
            service.put("healthcheck", healthcheck);
        }
        if (!unit.after().isEmpty()) {
            Map<String, Object> dependsOn = new LinkedHashMap<>();
            for (String after : new java.util.TreeSet<>(unit.after())) {
                Deployment.Unit before = units.get(after);
                String condition = before.kind() != Deployment.Kind.SERVICE
                        ? "service_completed_successfully"
                        : before.healthcheck() ? "service_healthy" : "service_started";
                dependsOn.put(after, Map.of("condition", condition));
            }
            service.put("depends_on", dependsOn);
        }
        if (unit.kind() != Deployment.Kind.SERVICE) {
            service.put("restart", "no");
        }
        return service;
    }

    /** Compose interpolates {@code $}: literal dollars are doubled, and secrets become references to .env. */
    private static String escape(String value, Map<String, String> secrets) {
        String escaped = value.replace("$", "$$");
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            escaped = escaped.replace(secret.getValue(), "${" + secret.getKey() + "}");
        }
        return escaped;
    }

    private static List<String> escape(List<String> values, Map<String, String> secrets) {
        return values.stream().map(value -> escape(value, secrets)).toList();
    }

    private static void validate(Map<String, Object> compose) throws IOException, StackException {
        JsonSchema schema;
        try (InputStream in = ComposeExport.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IOException("The Compose schema is missing from the plugin jar");
            }
            JsonNode node = new ObjectMapper().readTree(in);
            // Its $id is relative ("compose_spec.json"), which the validator refuses; nothing refers to it.
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("$id");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
        }
        JsonNode document = new ObjectMapper().valueToTree(compose);
        Set<ValidationMessage> problems = schema.validate(document);
        if (!problems.isEmpty()) {
            throw new StackException("The Compose file docstack made does not match the Compose schema (a docstack bug,"
                    + " please report it): "
                    + problems.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
    }
}
