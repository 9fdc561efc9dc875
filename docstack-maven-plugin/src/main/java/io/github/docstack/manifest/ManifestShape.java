package io.github.docstack.manifest;

import static io.github.docstack.manifest.Shape.Field.optional;
import static io.github.docstack.manifest.Shape.Field.required;

import io.github.docstack.manifest.Shape.Command;
import io.github.docstack.manifest.Shape.Fields;
import io.github.docstack.manifest.Shape.ListOf;
import io.github.docstack.manifest.Shape.MapOf;
import io.github.docstack.manifest.Shape.Value;
import io.github.docstack.manifest.Shape.ValueType;
import java.util.List;

/** The grammar of {@code docstack/docstack.yaml}, apiVersion {@code docstack/v1}. */
public final class ManifestShape {

    public static final String API_VERSION = "docstack/v1";

    private static final Shape TEXT_MAP = new MapOf(
            "Names to values; values may use placeholders such as ${internal.SERVICE.PORT}.",
            new Value("A value.", ValueType.TEXT));

    private static final Shape HEALTHCHECK = new Fields(
            "How the service is judged ready (by docstack, while up waits for it) and"
                    + " healthy (by the engine, for its whole life). Without it, the image's HEALTHCHECK applies.",
            List.of(
                    required("command", new Command("The check; exit code 0 means healthy.")),
                    optional(
                            "interval",
                            new Value(
                                    "Time between the engine's checks once the service runs, e.g. 30s. Default 2m"
                                            + " where up runs the stack (it checks readiness itself), 30s in the"
                                            + " Compose and Kubernetes exports (there the engine's verdict gates"
                                            + " each start).",
                                    ValueType.DURATION)),
                    optional(
                            "start_interval",
                            new Value(
                                    "Time between docstack's checks while up waits for the service to be ready."
                                            + " Default 500ms, or the interval when that is shorter.",
                                    ValueType.DURATION)),
                    optional("timeout", new Value("Time one check may take. Default 10s.", ValueType.DURATION)),
                    optional(
                            "retries",
                            new Value(
                                    "Failed engine checks in a row before the service counts as unhealthy. Default 3.",
                                    ValueType.INTEGER)),
                    optional(
                            "start_period",
                            new Value(
                                    "Time after start during which the engine's failed checks do not count (its first"
                                            + " passing check ends it). Default 5m.",
                                    ValueType.DURATION))));

    private static final Shape SERVICE = new Fields(
            "A long-running container of this image.",
            List.of(
                    optional("command", new Command("The command; default: the image's CMD.")),
                    optional("entrypoint", new Command("The entrypoint; default: the image's ENTRYPOINT.")),
                    optional("environment", TEXT_MAP),
                    optional(
                            "ports",
                            new ListOf(
                                    "Container ports the service listens on (TCP). They are published on 127.0.0.1.",
                                    new Value("A port, 1-65535.", ValueType.INTEGER))),
                    optional("healthcheck", HEALTHCHECK),
                    optional(
                            "volumes",
                            new MapOf(
                                    "Named volumes: volume name to the path it is mounted at.",
                                    new Value("An absolute path in the container.", ValueType.TEXT))),
                    optional(
                            "user",
                            new Value(
                                    "User (name or uid[:gid]) the service runs as; default: the image's USER.",
                                    ValueType.TEXT)),
                    optional(
                            "working_dir",
                            new Value("Working directory; default: the image's WORKDIR.", ValueType.TEXT)),
                    optional(
                            "cap_add",
                            new ListOf(
                                    "Linux capabilities added to the container, as docker run --cap-add and Compose's"
                                            + " cap_add do, e.g. NET_ADMIN for an agent that makes bridges. Ask for each one: docstack never runs a"
                                            + " container privileged. Reported as cap-add, so the choice is visible.",
                                    new Value("A capability name without CAP_, e.g. NET_ADMIN.", ValueType.TEXT)))));

    private static final Shape STEP = new Fields(
            "A one-shot command run in a container of this image.",
            List.of(
                    required("name", new Value("The step's name, unique in this manifest.", ValueType.TEXT)),
                    required("command", new Command("The command; it must exit 0.")),
                    optional("environment", TEXT_MAP),
                    optional(
                            "needs",
                            new ListOf(
                                    "The required capabilities this step waits for (their providers healthy, their provision"
                                            + " steps done), so that, say, a schema migration that needs only the database runs while identity is"
                                            + " still being set up. Default: all of requires.",
                                    new Value("A capability named in requires, e.g. database.", ValueType.TEXT))),
                    optional(
                            "inputs",
                            new ListOf(
                                    "The files this step's work depends on, for a step such as a schema migration whose"
                                            + " result depends on a few files while the image changes with every edit: with inputs, the step runs again"
                                            + " when these files change (or its command or environment), not whenever the image does. Default: any new"
                                            + " image runs it again.",
                                    new Value(
                                            "A file or directory, relative to the build context, e.g. keystone/common/sql.",
                                            ValueType.TEXT)))));

    private static final Shape VERIFICATION = new Fields(
            "An acceptance test run by docstack:verify against the stack once it"
                    + " is up, in a one-shot container of this image: tempest for an OpenStack cloud, say.",
            List.of(
                    required("name", new Value("The test's name, unique in this manifest.", ValueType.TEXT)),
                    required(
                            "command",
                            new Command(
                                    "The command; exit code 0 means every test passed. It sees DOCSTACK_VERIFY_FILTER,"
                                            + " the -Ddocstack.verify.filter given to docstack:verify (which tests to run; empty for the step's default).")),
                    optional("environment", TEXT_MAP),
                    optional(
                            "reports",
                            new Value(
                                    "An absolute path in the container where the command writes JUnit XML; docstack:verify"
                                            + " collects it under target/docstack/verify/PROJECT/ for CI.",
                                    ValueType.TEXT))));

    private static final Shape WATCH_RULE = new Fields(
            "What docstack:watch does when files under path change.",
            List.of(
                    required(
                            "path",
                            new Value(
                                    "A file or directory, relative to the build context, e.g. keystone or lib.",
                                    ValueType.TEXT)),
                    required(
                            "action",
                            new Value(
                                    "sync (copy the changed files into the project's running containers), sync+exec"
                                            + " (copy them, run exec in each of those containers, e.g. a server's own reload, and wait until each is"
                                            + " ready), sync+restart (copy them, then restart those containers and wait until each is ready; the"
                                            + " action for a Python service), or rebuild (build through the cache and recreate what changed, as up"
                                            + " does).",
                                    ValueType.TEXT)),
                    optional(
                            "target",
                            new Value(
                                    "Where path is in the containers, an absolute path, e.g."
                                            + " /usr/lib/python3/dist-packages/keystone. Needed by sync, sync+exec and sync+restart.",
                                    ValueType.TEXT)),
                    optional(
                            "exec",
                            new Command(
                                    "For sync+exec: the command run in each container after the copy, as its user;"
                                            + " exit code 0 means the change is in effect, e.g. [kill, -HUP, '1'] for a server that reloads on"
                                            + " SIGHUP. docstack then waits until the service is ready, as after a restart."))));

    private static final Shape RELEASES = new MapOf(
            "The releases this directory builds, by name, the newest first: a stack's release (or"
                    + " -Ddocstack.release) picks one, and the newest is what a build gets when none is asked for. On the"
                    + " default branch each release's image is tagged with its name, and the newest's also latest."
                    + " Default: one image for every release.",
            new Fields(
                    "A release: its name (a series such as 2026.2, or zed) and how to build it.",
                    List.of(optional(
                            "args",
                            new MapOf(
                                    "Build arguments for this release, on top of build.args, e.g. the Debian suite"
                                            + " whose packages it installs.",
                                    new Value("A value.", ValueType.TEXT))))));

    private static final Shape MANIFEST = new Fields(
            "A docstack manifest: what an image runs and what it needs from other projects.",
            List.of(
                    required("apiVersion", new Value("Always docstack/v1.", ValueType.TEXT)),
                    required(
                            "name",
                            new Value(
                                    "Image repository name: lowercase letters, digits and separators (. _ -), e.g. glance.",
                                    ValueType.TEXT)),
                    optional("description", new Value("One line saying what the project is.", ValueType.TEXT)),
                    optional(
                            "build",
                            new Fields(
                                    "How the image is built.",
                                    List.of(
                                            optional(
                                                    "context",
                                                    new Value(
                                                            "Build context, relative to the docstack/ directory. Default '..' (the project root).",
                                                            ValueType.TEXT)),
                                            optional(
                                                    "dockerfile",
                                                    new Value(
                                                            "Dockerfile, relative to the docstack/ directory. Default 'Dockerfile'.",
                                                            ValueType.TEXT)),
                                            optional(
                                                    "args",
                                                    new MapOf(
                                                            "Build arguments (docker build --build-arg), name to value.",
                                                            new Value("A value.", ValueType.TEXT))),
                                            optional(
                                                    "target",
                                                    new Value(
                                                            "Build stage to stop at (multi-stage builds).",
                                                            ValueType.TEXT)),
                                            optional("releases", RELEASES),
                                            optional(
                                                    "versions",
                                                    new Command(
                                                            "A command run in the image once it is built that prints the"
                                                                    + " versions of the project's own packages, one per line, e.g."
                                                                    + " [dpkg-query, -W, keystone, python3-keystone]. Its output"
                                                                    + " becomes the image's label io.github.docstack.versions, so"
                                                                    + " two builds of one tag show what changed; a failure fails"
                                                                    + " the build."))))),
                    optional(
                            "requires",
                            new ListOf(
                                    "Capabilities this project needs from others in the stack.",
                                    new Fields(
                                            "A requirement.",
                                            List.of(
                                                    required(
                                                            "capability",
                                                            new Value(
                                                                    "The capability's name, e.g. database.",
                                                                    ValueType.TEXT)),
                                                    optional(
                                                            "with",
                                                            new MapOf(
                                                                    "Values handed to the provider's provision step as DOCSTACK_WITH_KEY (KEY upper-cased).",
                                                                    new Value("A value.", ValueType.TEXT))))))),
                    optional(
                            "provides",
                            new ListOf(
                                    "Capabilities this project offers to others.",
                                    new Fields(
                                            "A capability offered.",
                                            List.of(
                                                    required(
                                                            "capability",
                                                            new Value(
                                                                    "The capability's name, e.g. database.",
                                                                    ValueType.TEXT)),
                                                    optional(
                                                            "provision",
                                                            new Fields(
                                                                    "Run once per consumer, in a one-shot container of this image.",
                                                                    List.of(
                                                                            required(
                                                                                    "command",
                                                                                    new Command(
                                                                                            "The command; it sees DOCSTACK_CONSUMER, DOCSTACK_SECRET and DOCSTACK_WITH_KEY (KEY upper-cased).")),
                                                                            optional(
                                                                                    "environment",
                                                                                    new MapOf(
                                                                                            "More environment for the command, e.g. an admin password it needs:"
                                                                                                    + " ${stack.admin_password} belongs here, never on the command line.",
                                                                                            new Value(
                                                                                                    "A value.",
                                                                                                    ValueType
                                                                                                            .TEXT)))))),
                                                    optional(
                                                            "exports",
                                                            new MapOf(
                                                                    "Environment handed to each consumer; may use ${consumer}, ${secret} and ${with.KEY}.",
                                                                    new Value("A value.", ValueType.TEXT))))))),
                    optional(
                            "init",
                            new ListOf(
                                    "One-shot steps run after requirements are met and before the services start.",
                                    STEP)),
                    optional("services", new MapOf("Long-running containers of this image, by name.", SERVICE)),
                    optional(
                            "verify",
                            new ListOf(
                                    "Acceptance tests docstack:verify runs against the stack once it is up.",
                                    VERIFICATION)),
                    optional(
                            "outputs",
                            new ListOf(
                                    "Files rendered once the stack is up, e.g. clouds.yaml.",
                                    new Fields(
                                            "An output file.",
                                            List.of(
                                                    required(
                                                            "file",
                                                            new Value(
                                                                    "File name, written beside the stack file.",
                                                                    ValueType.TEXT)),
                                                    required(
                                                            "content",
                                                            new Value(
                                                                    "The file's content; may use placeholders.",
                                                                    ValueType.TEXT)),
                                                    optional(
                                                            "title",
                                                            new Value(
                                                                    "Show the content after up's table under this title, e.g. Dashboard for a URL."
                                                                            + " Never for content with a secret in it.",
                                                                    ValueType.TEXT)))))),
                    optional(
                            "watch",
                            new ListOf(
                                    "How docstack:watch applies a change to this project's files, first matching rule"
                                            + " first. A change no rule covers, and any change in the docstack/ directory, rebuilds.",
                                    WATCH_RULE)),
                    optional(
                            "ignore",
                            new ListOf(
                                    "Rule ids not to report for this project.",
                                    new Value("A rule id, e.g. runs-as-root.", ValueType.TEXT)))));

    private ManifestShape() {}

    public static Shape manifest() {
        return MANIFEST;
    }
}
