package io.github.docstack.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a manifest must mean, beyond its shape: names Docker and DNS accept, ports in range and not taken twice,
 * unique steps and capabilities, and placeholders that exist where they are used.
 */
final class ManifestChecks {

    // Docker's repository path grammar (lowercase components joined by '/').
    private static final Pattern IMAGE_NAME =
            Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    // Services become container names and DNS aliases on the stack network.
    private static final Pattern CAPABILITY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> STACK_KEYS = Set.of("name", "admin_password");

    private final ProblemSink sink;
    private final Map<String, Set<Integer>> ownPorts = new HashMap<>();

    private ManifestChecks(ProblemSink sink) {
        this.sink = sink;
    }

    static void check(YamlNode root, ProblemSink sink) {
        if (root instanceof YamlNode.Mapping top) {
            new ManifestChecks(sink).checkManifest(top);
        }
    }

    private void checkManifest(YamlNode.Mapping top) {
        scalar(top.get("apiVersion"))
                .filter(v -> !ManifestShape.API_VERSION.equals(v.text()))
                .ifPresent(v -> sink.report(
                        Rule.API_VERSION,
                        v.position(),
                        "apiVersion '" + v.text() + "' is not one docstack knows:" + " write apiVersion: "
                                + ManifestShape.API_VERSION));
        scalar(top.get("name"))
                .filter(v -> v.text() != null && v.text().isBlank())
                .ifPresent(v -> sink.report(
                        Rule.INVALID_NAME, v.position(), "name is empty: give the image repository name, e.g. glance"));
        scalar(top.get("name"))
                .filter(v -> v.text() != null
                        && !v.text().isBlank()
                        && !IMAGE_NAME.matcher(v.text()).matches())
                .ifPresent(v -> sink.report(
                        Rule.INVALID_NAME,
                        v.position(),
                        "name '" + v.text() + "' is not a valid image repository"
                                + " name: use lowercase letters, digits and single separators (. _ -), e.g. "
                                + suggestName(v.text())));
        checkServices(top.get("services"));
        checkReleases(child(top.get("build"), "releases"));
        // init and verify steps share the step grammar: unique names, environment variable names.
        for (String steps : List.of("init", "verify")) {
            checkUnique(top.get(steps), "name", Rule.DUPLICATE_STEP, steps + " step");
            if (top.get(steps) instanceof YamlNode.Sequence list) {
                list.items().forEach(step -> checkEnvNames(child(step, "environment")));
            }
        }
        if (top.get("init") instanceof YamlNode.Sequence init) {
            checkNeeds(init, top.get("requires"));
            init.items().forEach(step -> checkInputs(child(step, "inputs")));
        }
        checkUnique(top.get("provides"), "capability", Rule.DUPLICATE_CAPABILITY, "provided capability");
        checkUnique(top.get("requires"), "capability", Rule.DUPLICATE_CAPABILITY, "required capability");
        checkCapabilities(top.get("provides"));
        checkCapabilities(top.get("requires"));
        checkWith(top.get("requires"));
        if (top.get("provides") instanceof YamlNode.Sequence provides) {
            provides.items().forEach(item -> checkEnvNames(child(child(item, "provision"), "environment")));
        }
        checkIgnore(top.get("ignore"));
        checkShownOutputs(top.get("outputs"));
        checkWatchRules(top.get("watch"));
        checkPlaceholders(top);
    }

    private void checkServices(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping services)) {
            return;
        }
        Map<Integer, String> portOwners = new HashMap<>();
        for (YamlNode.Entry entry : services.entries().values()) {
            String name = entry.key();
            if (!Manifest.SERVICE_NAME.matcher(name).matches()) {
                sink.report(
                        Rule.INVALID_SERVICE_NAME,
                        entry.keyPosition(),
                        "Service name '" + name + "' cannot be a"
                                + " container name and network alias: use lowercase letters, digits and '-', e.g. "
                                + name.toLowerCase(Locale.ROOT)
                                        .replaceAll("[^a-z0-9-]+", "-")
                                        .replaceAll("^-+|-+$", ""));
            }
            Set<Integer> ports = ownPorts.computeIfAbsent(name, key -> new HashSet<>());
            if (!(entry.value() instanceof YamlNode.Mapping service)) {
                continue;
            }
            if (service.get("ports") instanceof YamlNode.Sequence list) {
                for (YamlNode item : list.items()) {
                    if (!(item instanceof YamlNode.Scalar port) || port.type() != YamlNode.ScalarType.INTEGER) {
                        continue;
                    }
                    long value = parseLong(port.text());
                    if (value < 1 || value > 65535) {
                        sink.report(
                                Rule.PORT_RANGE,
                                port.position(),
                                "Port " + port.text() + " of service '" + name
                                        + "' is outside 1-65535: give the port the service listens on");
                        continue;
                    }
                    String owner = portOwners.putIfAbsent((int) value, name);
                    if (owner != null) {
                        sink.report(
                                Rule.DUPLICATE_PORT,
                                port.position(),
                                "Port " + value + " is listed twice (service '"
                                        + owner + "'" + (owner.equals(name) ? "" : " has it too")
                                        + "): each port is published"
                                        + " once on the host, give each service its own");
                    }
                    ports.add((int) value);
                }
            }
            checkEnvNames(service.get("environment"));
            checkCapAdd(name, service.get("cap_add"));
        }
    }

    /** Added capabilities widen what a container may do to the host's kernel: each gets a warning of its own. */
    private void checkCapAdd(String service, YamlNode node) {
        if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                scalar(item)
                        .filter(v -> v.text() != null)
                        .ifPresent(v -> sink.report(
                                Rule.CAP_ADD,
                                v.position(),
                                "Service '" + service + "' adds the Linux capability " + v.text()
                                        + ": the container may then "
                                        + "change what that capability governs on the host's kernel. Keep it only if the service needs it"
                                        + " (then add cap-add to ignore:), and never ask for ALL or SYS_MODULE"));
            }
        }
    }

    private void checkEnvNames(YamlNode node) {
        if (node instanceof YamlNode.Mapping env) {
            for (YamlNode.Entry entry : env.entries().values()) {
                if (!ENV_NAME.matcher(entry.key()).matches()) {
                    sink.report(
                            Rule.INVALID_ENV_NAME,
                            entry.keyPosition(),
                            "'" + entry.key() + "' is not an environment"
                                    + " variable name: use letters, digits and '_', not starting with a digit");
                }
            }
        }
    }

    /** with: reaches the provider's provision command as DOCSTACK_WITH_KEY: a variable name, and a value it cannot misread. */
    private void checkWith(YamlNode requires) {
        if (!(requires instanceof YamlNode.Sequence list)) {
            return;
        }
        for (YamlNode item : list.items()) {
            checkEnvNames(child(item, "with"));
            if (child(item, "with") instanceof YamlNode.Mapping with) {
                for (YamlNode.Entry entry : with.entries().values()) {
                    scalar(entry.value())
                            .filter(v -> v.text() != null
                                    && !Manifest.Requirement.isSafeWithValue(Placeholder.literal(v.text())))
                            .ifPresent(v -> sink.report(
                                    Rule.WITH_VALUE,
                                    v.position(),
                                    "with." + entry.key() + " holds characters"
                                            + " a provision command could misread (it may build SQL or a shell word from it): use letters,"
                                            + " digits, blanks and . _ : / @ = + , % ( ) - only"));
                }
            }
        }
    }

    private void checkCapabilities(YamlNode node) {
        if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Mapping mapping) {
                    scalar(mapping.get("capability"))
                            .filter(v -> v.text() != null
                                    && !CAPABILITY.matcher(v.text()).matches())
                            .ifPresent(
                                    v -> sink.report(
                                            Rule.INVALID_CAPABILITY,
                                            v.position(),
                                            "Capability '" + v.text()
                                                    + "' must be lowercase letters, digits and '-', starting with a letter, e.g. database"));
                    checkEnvNames(mapping.get("exports"));
                }
            }
        }
    }

    /** An init step can wait only for what the project requires. */
    private void checkNeeds(YamlNode.Sequence init, YamlNode requires) {
        List<String> required = new ArrayList<>();
        if (requires instanceof YamlNode.Sequence list) {
            list.items()
                    .forEach(item -> scalar(child(item, "capability"))
                            .map(YamlNode.Scalar::text)
                            .ifPresent(required::add));
        }
        for (YamlNode step : init.items()) {
            if (child(step, "needs") instanceof YamlNode.Sequence needs) {
                for (YamlNode need : needs.items()) {
                    scalar(need)
                            .filter(v -> v.text() != null && !required.contains(v.text()))
                            .ifPresent(v -> sink.report(
                                    Rule.UNKNOWN_NEED,
                                    v.position(),
                                    "needs '" + v.text() + "', which requires does not list"
                                            + ShapeChecker.closest(v.text(), required)
                                                    .map(near -> ": did you mean '" + near + "'?")
                                                    .orElse(": add it to requires, or name one of " + required)));
                }
            }
        }
    }

    private void checkUnique(YamlNode node, String key, Rule rule, String what) {
        if (!(node instanceof YamlNode.Sequence list)) {
            return;
        }
        Map<String, Position> seen = new HashMap<>();
        for (YamlNode item : list.items()) {
            if (item instanceof YamlNode.Mapping mapping) {
                scalar(mapping.get(key)).filter(v -> v.text() != null).ifPresent(v -> {
                    Position first = seen.putIfAbsent(v.text(), v.position());
                    if (first != null) {
                        sink.report(
                                rule,
                                v.position(),
                                "The " + what + " '" + v.text() + "' appears twice (first at line " + first.line()
                                        + "): keep one");
                    }
                });
            }
        }
    }

    private void checkIgnore(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence list)) {
            return;
        }
        List<String> ids = java.util.Arrays.stream(Rule.values()).map(Rule::id).toList();
        for (YamlNode item : list.items()) {
            scalar(item)
                    .filter(v -> v.text() != null && Rule.byId(v.text()).isEmpty())
                    .ifPresent(v -> sink.report(
                            Rule.UNKNOWN_RULE,
                            v.position(),
                            "'" + v.text() + "' is not a docstack rule"
                                    + ShapeChecker.closest(v.text(), ids)
                                            .map(id -> ": did you mean '" + id + "'?")
                                            .orElse(": see the rule catalogue for the ids")));
        }
    }

    // --- placeholders -------------------------------------------------------------------------------------

    private enum Context {
        PROVIDER,
        CONSUMER,
        OUTPUT
    }

    private void checkPlaceholders(YamlNode.Mapping top) {
        if (top.get("requires") instanceof YamlNode.Sequence requires) {
            requires.items().forEach(item -> placeholdersIn(child(item, "with"), Context.CONSUMER));
        }
        if (top.get("provides") instanceof YamlNode.Sequence provides) {
            for (YamlNode item : provides.items()) {
                placeholdersIn(child(item, "exports"), Context.PROVIDER);
                placeholdersIn(child(child(item, "provision"), "command"), Context.PROVIDER);
                placeholdersIn(child(child(item, "provision"), "environment"), Context.PROVIDER);
                secretsOnCommandLine(child(child(item, "provision"), "command"));
            }
        }
        for (String steps : List.of("init", "verify")) {
            if (top.get(steps) instanceof YamlNode.Sequence list) {
                for (YamlNode item : list.items()) {
                    placeholdersIn(child(item, "command"), Context.CONSUMER);
                    placeholdersIn(child(item, "environment"), Context.CONSUMER);
                    secretsOnCommandLine(child(item, "command"));
                }
            }
        }
        if (top.get("services") instanceof YamlNode.Mapping services) {
            for (YamlNode.Entry service : services.entries().values()) {
                for (String key : List.of("command", "entrypoint", "environment")) {
                    placeholdersIn(child(service.value(), key), Context.CONSUMER);
                }
                secretsOnCommandLine(child(service.value(), "command"));
                secretsOnCommandLine(child(service.value(), "entrypoint"));
            }
        }
        if (top.get("outputs") instanceof YamlNode.Sequence outputs) {
            outputs.items().forEach(item -> placeholdersIn(child(item, "content"), Context.OUTPUT));
        }
    }

    private void placeholdersIn(YamlNode node, Context context) {
        if (node instanceof YamlNode.Scalar scalar && scalar.text() != null) {
            checkValue(scalar, context);
        } else if (node instanceof YamlNode.Sequence list) {
            list.items().forEach(item -> placeholdersIn(item, context));
        } else if (node instanceof YamlNode.Mapping map) {
            map.entries().values().forEach(entry -> placeholdersIn(entry.value(), context));
        }
    }

    private void checkValue(YamlNode.Scalar value, Context context) {
        Placeholder.Scan scan = Placeholder.scan(value.text());
        if (scan.error() != null) {
            sink.report(Rule.PLACEHOLDER_SYNTAX, value.position(), scan.error());
        }
        for (Placeholder placeholder : scan.placeholders()) {
            checkPlaceholder(placeholder, value.position(), context);
        }
    }

    private void checkPlaceholder(Placeholder placeholder, Position at, Context context) {
        String shown = "${" + placeholder.expression() + "}";
        List<String> path = placeholder.path();
        switch (placeholder.namespace()) {
            case "consumer", "secret" -> {
                if (!path.isEmpty()) {
                    unknown(at, shown, "${" + placeholder.namespace() + "} takes nothing after it");
                } else if (context != Context.PROVIDER) {
                    sink.report(
                            Rule.PLACEHOLDER_CONTEXT,
                            at,
                            shown + " only has a value in a provided capability's"
                                    + " exports or provision, where there is a consumer: use it there");
                }
            }
            case "with" -> {
                if (path.size() != 1) {
                    unknown(at, shown, "write ${with.KEY}, KEY being a key of the consumer's 'with:'");
                } else if (context != Context.PROVIDER) {
                    sink.report(
                            Rule.PLACEHOLDER_CONTEXT,
                            at,
                            shown + " only has a value in a provided capability's"
                                    + " exports or provision: use it there");
                }
            }
            case "stack" -> {
                if (path.size() != 1 || !STACK_KEYS.contains(path.get(0))) {
                    unknown(at, shown, "the stack's values are ${stack.name} and ${stack.admin_password}");
                }
            }
            case "project" -> {
                if (!path.equals(List.of("secret"))) {
                    unknown(at, shown, "the project's one value is ${project.secret}");
                }
            }
            case "internal" -> {
                if (path.isEmpty() || path.size() > 2) {
                    unknown(at, shown, "write ${internal.SERVICE} or ${internal.SERVICE.PORT}");
                } else {
                    checkServiceReference(at, shown, path);
                }
            }
            case "public" -> {
                if (path.size() != 2) {
                    unknown(at, shown, "write ${public.SERVICE.PORT}");
                } else {
                    checkServiceReference(at, shown, path);
                }
            }
            default ->
                unknown(at, shown, "the namespaces are consumer, secret, stack, project, with, internal and public");
        }
    }

    private void checkServiceReference(Position at, String shown, List<String> path) {
        String service = path.get(0);
        Set<Integer> ports = ownPorts.get(service);
        if (ports == null) {
            // Another project's service cannot be checked here; a near miss of one of ours almost surely is a typo.
            Optional<String> near = ShapeChecker.closest(service, List.copyOf(ownPorts.keySet()));
            near.ifPresent(own -> sink.report(
                    Rule.PLACEHOLDER_SERVICE, at, shown + " names no service: did you mean '" + own + "'?"));
            return;
        }
        if (path.size() == 2) {
            String port = path.get(1);
            if (!port.chars().allMatch(Character::isDigit) || !ports.contains(Integer.parseInt(port))) {
                sink.report(
                        Rule.PLACEHOLDER_SERVICE,
                        at,
                        shown + ": service '" + service + "' has no port " + port
                                + (ports.isEmpty()
                                        ? "; add it to its ports"
                                        : "; its ports are " + new java.util.TreeSet<>(ports)));
            }
        }
    }

    private void unknown(Position at, String shown, String fix) {
        sink.report(Rule.PLACEHOLDER_UNKNOWN, at, shown + " is not a placeholder docstack knows: " + fix);
    }

    /** up prints a titled output's content: it must not carry a secret into the log. */
    private void checkShownOutputs(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence outputs)) {
            return;
        }
        for (YamlNode output : outputs.items()) {
            scalar(child(output, "file"))
                    .filter(v -> v.text() != null && !Manifest.Output.isConfined(v.text()))
                    .ifPresent(
                            v -> sink.report(
                                    Rule.OUTPUT_PATH,
                                    v.position(),
                                    "Output file '" + v.text() + "' would be written"
                                            + " outside the stack's .docstack/<stack>/ directory: give a relative path without '..', such as clouds.yaml"));
            if (scalar(child(output, "title")).isEmpty()) {
                continue;
            }
            scalar(child(output, "content"))
                    .filter(v ->
                            v.text() != null && SECRET_PLACEHOLDERS.stream().anyMatch(v.text()::contains))
                    .ifPresent(
                            v -> sink.report(
                                    Rule.SHOWN_SECRET,
                                    v.position(),
                                    "This output has a title, so up prints its"
                                            + " content, and the content holds a secret: drop the title (the file is still written) or the secret"));
        }
    }

    /** A release's name becomes the tag of its image, beside the tag policy's own tags. */
    private void checkReleases(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping releases)) {
            return;
        }
        for (YamlNode.Entry entry : releases.entries().values()) {
            if (!Manifest.Release.isValidName(entry.key())) {
                sink.report(
                        Rule.RELEASE_NAME,
                        entry.keyPosition(),
                        "Release '" + entry.key() + "' cannot name a release: its images are tagged with it, so use"
                                + " letters, digits, '_', '.' and '-' (a series such as 2026.2, or zed), and none of "
                                + String.join(", ", new TreeSet<>(Manifest.Release.RESERVED))
                                + " or git-..., which the tag policy gives");
            }
        }
    }

    /** A step's inputs are files of the build context, which the image's build digests. */
    private void checkInputs(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence inputs)) {
            return;
        }
        for (YamlNode input : inputs.items()) {
            scalar(input)
                    .filter(v -> v.text() != null && !Manifest.Step.isInsideContext(v.text()))
                    .ifPresent(
                            v -> sink.report(
                                    Rule.STEP_INPUTS,
                                    v.position(),
                                    "Step input '" + v.text() + "' is outside the"
                                            + " build context: give a path relative to the context without '..', such as db/migrations"));
        }
    }

    /** A watch rule names a path in the build context, an action docstack knows, and where a sync copies to. */
    private void checkWatchRules(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence rules)) {
            return;
        }
        for (YamlNode rule : rules.items()) {
            scalar(child(rule, "path"))
                    .filter(v -> v.text() != null && !Manifest.WatchRule.isInsideContext(v.text()))
                    .ifPresent(v -> sink.report(
                            Rule.WATCH_RULE,
                            v.position(),
                            "Watch path '" + v.text() + "' is outside the"
                                    + " build context: give a path relative to the context without '..', such as lib"));
            Optional<YamlNode.Scalar> action = scalar(child(rule, "action"));
            action.filter(v -> WatchAction.of(v.text()).isEmpty())
                    .ifPresent(v -> sink.report(
                            Rule.WATCH_RULE,
                            v.position(),
                            "Watch action '" + v.text() + "' is not one" + " docstack knows: write one of "
                                    + WatchAction.words()));
            boolean syncs = action.flatMap(v -> WatchAction.of(v.text()))
                    .map(WatchAction::syncs)
                    .orElse(false);
            Optional<YamlNode.Scalar> target = scalar(child(rule, "target"));
            if (syncs && target.isEmpty()) {
                sink.report(
                        Rule.WATCH_RULE,
                        action.get().position(),
                        "Watch action " + action.get().text() + " copies files"
                                + " into the containers: add target: with where path is in them, e.g. /srv");
            }
            boolean execs = action.flatMap(v -> WatchAction.of(v.text()))
                    .map(WatchAction.SYNC_EXEC::equals)
                    .orElse(false);
            YamlNode exec = child(rule, "exec");
            if (execs && exec == null) {
                sink.report(
                        Rule.WATCH_RULE,
                        action.get().position(),
                        "Watch action sync+exec runs a command after the copy:"
                                + " add exec: with it, e.g. exec: [kill, -HUP, '1']");
            } else if (!execs && exec != null) {
                sink.report(
                        Rule.WATCH_RULE,
                        exec.position(),
                        "exec: is run only by action sync+exec: make the action" + " sync+exec, or drop exec:");
            }
            target.filter(v -> v.text() != null && !v.text().startsWith("/"))
                    .ifPresent(v -> sink.report(
                            Rule.WATCH_RULE,
                            v.position(),
                            "Watch target '" + v.text() + "' is not an"
                                    + " absolute path: write where path is in the containers, e.g. /" + v.text()));
        }
    }

    private static final List<String> SECRET_PLACEHOLDERS =
            List.of("${secret}", "${stack.admin_password}", "${project.secret}");

    /** A command line shows in ps on the host and stays in docker inspect: a secret goes in through the environment. */
    private void secretsOnCommandLine(YamlNode command) {
        List<YamlNode> arguments = command instanceof YamlNode.Sequence list
                ? list.items()
                : command == null ? List.of() : List.of(command); // the shell form is one string
        for (YamlNode argument : arguments) {
            scalar(argument)
                    .filter(v ->
                            v.text() != null && SECRET_PLACEHOLDERS.stream().anyMatch(v.text()::contains))
                    .ifPresent(v -> sink.report(
                            Rule.SECRET_ON_COMMAND_LINE,
                            v.position(),
                            "A secret on the command line shows"
                                    + " in ps on the host and in docker inspect: hand it over in environment: (e.g. ADMIN_PASSWORD:"
                                    + " \"${stack.admin_password}\") and read it from there"));
        }
    }

    private static YamlNode child(YamlNode node, String key) {
        return node instanceof YamlNode.Mapping mapping ? mapping.get(key) : null;
    }

    private static Optional<YamlNode.Scalar> scalar(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL
                ? Optional.of(scalar)
                : Optional.empty();
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String suggestName(String name) {
        String suggestion = name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._/-]+", "-")
                .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return suggestion.isEmpty() ? "glance" : suggestion;
    }
}
