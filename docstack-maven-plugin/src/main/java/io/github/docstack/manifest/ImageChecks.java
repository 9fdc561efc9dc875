package io.github.docstack.manifest;

import io.github.docstack.dockerfile.Dockerfile;
import io.github.docstack.dockerfile.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks between the manifest and the image the Dockerfile builds (its final stage, or build.target): ports
 * exposed, a healthcheck for every service that serves, and a user that is not root.
 */
final class ImageChecks {

    private ImageChecks() {}

    static void check(
            YamlNode manifestRoot,
            Manifest manifest,
            Dockerfile dockerfile,
            ProblemSink manifestSink,
            ProblemSink dockerfileSink) {
        List<Instruction> stage = finalStage(dockerfile, manifest.build().target());
        if (stage.isEmpty()) {
            return;
        }
        Set<Integer> exposed = new HashSet<>();
        boolean imageHealthcheck = false;
        Instruction lastUser = null;
        for (Instruction instruction : stage) {
            switch (instruction.keyword()) {
                case "EXPOSE" -> instruction.arguments().forEach(port -> parsePort(port, exposed));
                case "HEALTHCHECK" ->
                    imageHealthcheck = !instruction.arguments().isEmpty()
                            && instruction.arguments().get(0).equals("CMD");
                case "USER" -> lastUser = instruction;
                default -> {}
            }
        }
        YamlNode services = manifestRoot instanceof YamlNode.Mapping top ? top.get("services") : null;
        if (!(services instanceof YamlNode.Mapping serviceNodes)) {
            checkUser(manifest, stage.get(0), lastUser, dockerfileSink);
            return;
        }
        for (YamlNode.Entry entry : serviceNodes.entries().values()) {
            Manifest.Service service = manifest.services().get(entry.key());
            if (service == null || !(entry.value() instanceof YamlNode.Mapping serviceNode)) {
                continue;
            }
            if (serviceNode.get("ports") instanceof YamlNode.Sequence ports) {
                for (YamlNode port : ports.items()) {
                    if (port instanceof YamlNode.Scalar scalar
                            && scalar.type() == YamlNode.ScalarType.INTEGER
                            && parse(scalar.text()) > 0
                            && parse(scalar.text()) <= 65535
                            && !exposed.contains(parse(scalar.text()))) {
                        manifestSink.report(
                                Rule.PORT_NOT_EXPOSED,
                                port.position(),
                                "Port " + scalar.text() + " of service '"
                                        + entry.key() + "' is not EXPOSEd by the Dockerfile: add EXPOSE "
                                        + scalar.text()
                                        + " so the image documents what it serves");
                    }
                }
            }
            if (!service.ports().isEmpty() && service.healthcheck() == null && !imageHealthcheck) {
                manifestSink.report(
                        Rule.NO_HEALTHCHECK,
                        entry.keyPosition(),
                        "Service '" + entry.key() + "' serves ports"
                                + " but has no healthcheck, here or in the Dockerfile, so nothing can wait for it to be ready: add"
                                + " healthcheck: {command: [...]} to the service, or a HEALTHCHECK to the Dockerfile");
            }
        }
        checkUser(manifest, stage.get(0), lastUser, dockerfileSink);
    }

    private static void checkUser(Manifest manifest, Instruction from, Instruction lastUser, ProblemSink sink) {
        boolean servicesChooseUser = !manifest.services().isEmpty()
                && manifest.services().values().stream()
                        .allMatch(service -> service.user() != null && !isRoot(service.user()));
        if (servicesChooseUser) {
            return;
        }
        Instruction at = lastUser != null ? lastUser : from;
        boolean root = lastUser == null
                || lastUser.arguments().isEmpty()
                || isRoot(lastUser.arguments().get(0));
        if (root && !at.ignored().contains(Rule.RUNS_AS_ROOT.id())) {
            sink.report(
                    Rule.RUNS_AS_ROOT,
                    new Position(at.line(), 1),
                    "The image runs as root: add a user"
                            + " (RUN useradd --system app) and USER app after the steps that need root, or set user: in each service");
        }
    }

    private static boolean isRoot(String user) {
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.equals("root") || name.equals("0");
    }

    /** The instructions of the stage the image is built from: {@code target}, else the last. */
    private static List<Instruction> finalStage(Dockerfile dockerfile, String target) {
        List<Instruction> instructions = dockerfile.instructions();
        int start = -1;
        int end = instructions.size();
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (!instruction.keyword().equals("FROM")) {
                continue;
            }
            if (target != null && start >= 0 && isNamed(instructions.get(start), target)) {
                end = i;
                break;
            }
            start = i;
        }
        return start < 0 ? List.of() : instructions.subList(start, end);
    }

    private static boolean isNamed(Instruction from, String name) {
        List<String> words = from.arguments();
        return words.size() >= 3
                && words.get(1).equalsIgnoreCase("AS")
                && words.get(2).equalsIgnoreCase(name);
    }

    private static void parsePort(String word, Set<Integer> ports) {
        String port = word.contains("/") ? word.substring(0, word.indexOf('/')) : word;
        if (port.contains("-")) {
            String[] range = port.split("-", 2);
            int low = parse(range[0]);
            int high = parse(range[1]);
            for (int p = low; p > 0 && p <= high && p - low < 65536; p++) {
                ports.add(p);
            }
        } else {
            ports.add(parse(port));
        }
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
