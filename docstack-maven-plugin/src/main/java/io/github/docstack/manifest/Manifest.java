package io.github.docstack.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's {@code docstack/docstack.yaml}: what its image runs and what it needs from other projects.
 * Maps keep the order the manifest wrote them in.
 */
public record Manifest(
        String apiVersion,
        String name,
        String description,
        BuildSpec build,
        List<Requirement> requires,
        List<Capability> provides,
        List<Step> init,
        Map<String, Service> services,
        List<Output> outputs,
        List<String> ignore,
        List<Verification> verify,
        List<WatchRule> watch) {

    /** A service's name, which is also its container's network alias and a host name: a DNS label, lowercase. */
    public static final java.util.regex.Pattern SERVICE_NAME =
            java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Manifest {
        watch = watch == null ? List.of() : watch; // labels of older images
    }

    /**
     * How the image is built; paths relative to the docstack/ directory.
     *
     * @param releases the releases this directory builds, the newest first (the one a build gets when none is asked
     *                 for); empty when the image is the same for every release
     * @param versions the command that prints the versions of the project's own packages in the built image, or
     *                 empty
     */
    public record BuildSpec(
            String context,
            String dockerfile,
            Map<String, String> args,
            String target,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Release> releases,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> versions) {

        public static final BuildSpec DEFAULT = new BuildSpec("..", "Dockerfile", Map.of(), null, List.of(), List.of());

        public BuildSpec {
            releases = releases == null ? List.of() : List.copyOf(releases); // labels of older images
            versions = versions == null ? List.of() : List.copyOf(versions);
        }

        /** The release of this name, if the directory builds it. */
        public Optional<Release> release(String name) {
            return releases.stream().filter(r -> r.name().equals(name)).findFirst();
        }

        /** The names of the releases it builds, newest first. */
        public List<String> releaseNames() {
            return releases.stream().map(Release::name).toList();
        }
    }

    /**
     * A release a docstack/ directory builds: its name, which is also the image's tag for it (a series such as 2026.2,
     * or zed), and the build arguments that make the image that release's, on top of build.args.
     */
    public record Release(String name, Map<String, String> args) {

        /** Tags the tag policy gives for its own reasons, so never a release's name. */
        public static final Set<String> RESERVED = Set.of("latest", "milestone", "dev");

        /**
         * Whether {@code name} may name a release: a Docker tag that is none of the policy's own and no per-commit
         * tag. The one home of rule {@code release-name}.
         */
        public static boolean isValidName(String name) {
            return name != null
                    && name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
                    && !RESERVED.contains(name)
                    && !name.startsWith("git-");
        }
    }

    public record Requirement(String capability, Map<String, String> with) {

        // Letters, digits, blanks and the punctuation of names, URLs, lists and keystone's endpoint templates
        // (%(project_id)s); no quote, backtick, $, ;, |, &, < or \.
        private static final java.util.regex.Pattern SAFE_WITH_VALUE =
                java.util.regex.Pattern.compile("[A-Za-z0-9 ._:/@=+,%()-]*");

        /**
         * Whether a {@code with:} value, as rendered, is safe to hand a provision command, which may build SQL or a
         * shell word from it. The one home of rule {@code with-value}.
         */
        public static boolean isSafeWithValue(String rendered) {
            return SAFE_WITH_VALUE.matcher(rendered).matches();
        }
    }

    /**
     * A capability offered; {@code provision} is empty when nothing must run per consumer, and
     * {@code provisionEnvironment} is what that command sees besides docstack's own variables.
     */
    public record Capability(
            String capability,
            List<String> provision,
            Map<String, String> exports,
            Map<String, String> provisionEnvironment) {

        public Capability {
            provisionEnvironment =
                    provisionEnvironment == null ? Map.of() : provisionEnvironment; // labels of older images
        }

        public Capability(String capability, List<String> provision, Map<String, String> exports) {
            this(capability, provision, exports, Map.of());
        }
    }

    /**
     * A one-shot step.
     *
     * @param needs  the required capabilities it waits for, null for all of them
     * @param inputs the paths in the build context its work depends on, null when the manifest does not say: then
     *               any new image runs it again, else only a change to these files does (or to its command or
     *               environment)
     */
    public record Step(
            String name,
            List<String> command,
            Map<String, String> environment,
            List<String> needs,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> inputs) {

        public Step(String name, List<String> command, Map<String, String> environment, List<String> needs) {
            this(name, command, environment, needs, null);
        }

        /** Whether an input names something inside the build context. The one home of rule {@code step-inputs}. */
        public static boolean isInsideContext(String input) {
            return Output.isConfined(input);
        }
    }

    public record Service(
            String name,
            List<String> command,
            List<String> entrypoint,
            Map<String, String> environment,
            List<Integer> ports,
            HealthcheckSpec healthcheck,
            Map<String, String> volumes,
            String user,
            String workingDir,
            List<String> capAdd) {}

    /** Durations as written (Go style: 500ms, 2s); null where the manifest left the default. */
    public record HealthcheckSpec(
            List<String> command,
            String interval,
            String timeout,
            Integer retries,
            String startPeriod,
            String startInterval) {}

    /** A rendered file; one with a {@code title} is also shown after up's table, e.g. a dashboard's address. */
    public record Output(String file, String content, String title) {

        /**
         * Whether {@code file} stays inside the directory it is written to (the stack's {@code .docstack/<stack>/}):
         * relative, and no {@code ..} on the way. The one home of rule {@code output-path}.
         */
        public static boolean isConfined(String file) {
            if (file == null || file.isBlank() || file.contains("\\") || file.contains("\0")) {
                return false;
            }
            java.nio.file.Path path = java.nio.file.Path.of(file);
            return !path.isAbsolute()
                    && java.util.stream.StreamSupport.stream(path.spliterator(), false)
                            .noneMatch(part -> part.toString().equals(".."));
        }
    }

    /**
     * An acceptance test that {@code docstack:verify} runs against the stack once it is up (tempest, say).
     *
     * @param reports a directory in the container where the step writes JUnit XML, or null
     */
    public record Verification(String name, List<String> command, Map<String, String> environment, String reports) {}

    /**
     * What {@code docstack:watch} does when files under {@code path} change.
     *
     * @param path   a file or directory, relative to the build context
     * @param target where those files are in the running containers (an absolute path), or null for rebuild
     * @param exec   for sync+exec, the command run in each container after the copy; else empty
     */
    public record WatchRule(
            String path,
            WatchAction action,
            String target,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> exec) {

        public WatchRule {
            exec = exec == null ? List.of() : List.copyOf(exec); // labels of older images
        }

        public WatchRule(String path, WatchAction action, String target) {
            this(path, action, target, List.of());
        }

        /**
         * Whether {@code path} names something inside the build context: relative, and no {@code ..} on the way. The
         * one home of that part of rule {@code watch-rule}.
         */
        public static boolean isInsideContext(String path) {
            return Output.isConfined(path);
        }
    }
}
