package io.github.docstack.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a manifest's YAML tree into a {@link Manifest}. It is lenient: what {@link ShapeChecker} already
 * reported as wrong is left out rather than failing, so one run can report every problem.
 */
final class ManifestBinder {

    private ManifestBinder() {}

    static Manifest bind(YamlNode root) {
        YamlNode.Mapping top =
                root instanceof YamlNode.Mapping mapping ? mapping : new YamlNode.Mapping(root.position(), Map.of());
        return new Manifest(
                text(top.get("apiVersion")),
                text(top.get("name")),
                text(top.get("description")),
                build(top.get("build")),
                requirements(top.get("requires")),
                capabilities(top.get("provides")),
                steps(top.get("init")),
                services(top.get("services")),
                outputs(top.get("outputs")),
                texts(top.get("ignore")),
                verifications(top.get("verify")),
                watchRules(top.get("watch")));
    }

    private static Manifest.BuildSpec build(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping build)) {
            return Manifest.BuildSpec.DEFAULT;
        }
        String context = text(build.get("context"));
        String dockerfile = text(build.get("dockerfile"));
        return new Manifest.BuildSpec(
                context == null ? Manifest.BuildSpec.DEFAULT.context() : context,
                dockerfile == null ? Manifest.BuildSpec.DEFAULT.dockerfile() : dockerfile,
                textMap(build.get("args")),
                text(build.get("target")),
                releases(build.get("releases")),
                command(build.get("versions")));
    }

    private static List<Manifest.Release> releases(YamlNode node) {
        List<Manifest.Release> releases = new ArrayList<>();
        if (node instanceof YamlNode.Mapping mapping) {
            mapping.entries()
                    .forEach((name, entry) -> releases.add(new Manifest.Release(
                            name,
                            entry.value() instanceof YamlNode.Mapping release
                                    ? textMap(release.get("args"))
                                    : Map.of())));
        }
        return List.copyOf(releases);
    }

    private static List<Manifest.Requirement> requirements(YamlNode node) {
        List<Manifest.Requirement> requirements = new ArrayList<>();
        for (YamlNode.Mapping item : mappings(node)) {
            String capability = text(item.get("capability"));
            if (capability != null) {
                requirements.add(new Manifest.Requirement(capability, textMap(item.get("with"))));
            }
        }
        return List.copyOf(requirements);
    }

    private static List<Manifest.Capability> capabilities(YamlNode node) {
        List<Manifest.Capability> capabilities = new ArrayList<>();
        for (YamlNode.Mapping item : mappings(node)) {
            String capability = text(item.get("capability"));
            if (capability != null) {
                YamlNode provision = item.get("provision");
                List<String> command = provision instanceof YamlNode.Mapping p ? command(p.get("command")) : List.of();
                Map<String, String> environment =
                        provision instanceof YamlNode.Mapping p ? textMap(p.get("environment")) : Map.of();
                capabilities.add(
                        new Manifest.Capability(capability, command, textMap(item.get("exports")), environment));
            }
        }
        return List.copyOf(capabilities);
    }

    private static List<Manifest.Step> steps(YamlNode node) {
        List<Manifest.Step> steps = new ArrayList<>();
        for (YamlNode.Mapping item : mappings(node)) {
            String name = text(item.get("name"));
            if (name != null) {
                steps.add(new Manifest.Step(
                        name,
                        command(item.get("command")),
                        textMap(item.get("environment")),
                        item.get("needs") == null ? null : texts(item.get("needs")),
                        item.get("inputs") == null ? null : texts(item.get("inputs"))));
            }
        }
        return List.copyOf(steps);
    }

    private static List<Manifest.Verification> verifications(YamlNode node) {
        List<Manifest.Verification> verifications = new ArrayList<>();
        for (YamlNode.Mapping item : mappings(node)) {
            String name = text(item.get("name"));
            if (name != null) {
                verifications.add(new Manifest.Verification(
                        name,
                        command(item.get("command")),
                        textMap(item.get("environment")),
                        text(item.get("reports"))));
            }
        }
        return List.copyOf(verifications);
    }

    private static List<Manifest.WatchRule> watchRules(YamlNode node) {
        List<Manifest.WatchRule> rules = new ArrayList<>();
        for (YamlNode.Mapping item : mappings(node)) {
            String path = text(item.get("path"));
            Optional<WatchAction> action = WatchAction.of(text(item.get("action")));
            if (path != null && action.isPresent()) {
                rules.add(new Manifest.WatchRule(
                        path, action.get(), text(item.get("target")), command(item.get("exec"))));
            }
        }
        return List.copyOf(rules);
    }

    private static Map<String, Manifest.Service> services(YamlNode node) {
        Map<String, Manifest.Service> services = new LinkedHashMap<>();
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                YamlNode.Mapping service = entry.value() instanceof YamlNode.Mapping m
                        ? m
                        : new YamlNode.Mapping(entry.value().position(), Map.of());
                services.put(
                        entry.key(),
                        new Manifest.Service(
                                entry.key(),
                                command(service.get("command")),
                                command(service.get("entrypoint")),
                                textMap(service.get("environment")),
                                ports(service.get("ports")),
                                healthcheck(service.get("healthcheck")),
                                textMap(service.get("volumes")),
                                text(service.get("user")),
                                text(service.get("working_dir")),
                                texts(service.get("cap_add"))));
            }
        }
        return java.util.Collections.unmodifiableMap(services);
    }

    private static Manifest.HealthcheckSpec healthcheck(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping check)) {
            return null;
        }
        List<String> command = command(check.get("command"));
        if (command.isEmpty()) {
            return null;
        }
        Integer retries = check.get("retries") instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER
                ? Integer.valueOf(s.text())
                : null;
        return new Manifest.HealthcheckSpec(
                command,
                text(check.get("interval")),
                text(check.get("timeout")),
                retries,
                text(check.get("start_period")),
                text(check.get("start_interval")));
    }

    private static List<Manifest.Output> outputs(YamlNode node) {
        List<Manifest.Output> outputs = new ArrayList<>();
        for (YamlNode.Mapping item : mappings(node)) {
            String file = text(item.get("file"));
            String content = text(item.get("content"));
            if (file != null && content != null) {
                outputs.add(new Manifest.Output(file, content, text(item.get("title"))));
            }
        }
        return List.copyOf(outputs);
    }

    private static List<Integer> ports(YamlNode node) {
        List<Integer> ports = new ArrayList<>();
        if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
                    try {
                        ports.add(Integer.valueOf(s.text()));
                    } catch (NumberFormatException tooLarge) {
                        // reported by the port-range check
                    }
                }
            }
        }
        return List.copyOf(ports);
    }

    /** A command in exec form; a single string is run by /bin/sh -c, as Dockerfile's shell form is. */
    static List<String> command(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar
                && scalar.type() == YamlNode.ScalarType.STRING
                && !scalar.text().isBlank()) {
            return List.of("/bin/sh", "-c", scalar.text());
        }
        return texts(node);
    }

    private static List<String> texts(YamlNode node) {
        List<String> texts = new ArrayList<>();
        if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                String text = text(item);
                if (text != null) {
                    texts.add(text);
                }
            }
        }
        return List.copyOf(texts);
    }

    private static Map<String, String> textMap(YamlNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                String text = text(entry.value());
                if (text != null) {
                    map.put(entry.key(), text);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static List<YamlNode.Mapping> mappings(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            return List.of();
        }
        return sequence.items().stream()
                .filter(YamlNode.Mapping.class::isInstance)
                .map(YamlNode.Mapping.class::cast)
                .toList();
    }

    static String text(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar ? scalar.text() : null;
    }
}
