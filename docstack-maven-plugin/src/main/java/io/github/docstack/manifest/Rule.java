package io.github.docstack.manifest;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every check docstack makes of a {@code docstack/} directory, with its id (what a user writes to suppress it)
 * and severity. Each is documented, with a bad and a good example, on the site's rule catalogue.
 */
public enum Rule {
    // Files
    MANIFEST_MISSING("manifest-missing", Severity.ERROR),
    DOCKERFILE_MISSING("dockerfile-missing", Severity.ERROR),
    BUILD_CONTEXT_MISSING("build-context-missing", Severity.ERROR),
    CONTEXT_OUTSIDE_REPOSITORY("context-outside-repository", Severity.ERROR),
    FILE_ENCODING("file-encoding", Severity.ERROR),
    FILE_EMPTY("file-empty", Severity.ERROR),
    FILE_TOO_LARGE("file-too-large", Severity.ERROR),
    FILE_BOM("file-bom", Severity.INFO),
    // YAML
    YAML_SYNTAX("yaml-syntax", Severity.ERROR),
    YAML_TAB("yaml-tab", Severity.ERROR),
    YAML_ALIAS("yaml-alias", Severity.ERROR),
    YAML_TOO_DEEP("yaml-too-deep", Severity.ERROR),
    YAML_DUPLICATE_KEY("yaml-duplicate-key", Severity.ERROR),
    YAML_MULTIPLE_DOCUMENTS("yaml-multiple-documents", Severity.ERROR),
    // Manifest structure
    UNKNOWN_KEY("unknown-key", Severity.ERROR),
    WRONG_TYPE("wrong-type", Severity.ERROR),
    MISSING_KEY("missing-key", Severity.ERROR),
    API_VERSION("api-version", Severity.ERROR),
    // Manifest meaning
    INVALID_NAME("invalid-name", Severity.ERROR),
    INVALID_SERVICE_NAME("invalid-service-name", Severity.ERROR),
    INVALID_CAPABILITY("invalid-capability", Severity.ERROR),
    INVALID_ENV_NAME("invalid-env-name", Severity.ERROR),
    WITH_VALUE("with-value", Severity.ERROR),
    PORT_RANGE("port-range", Severity.ERROR),
    DUPLICATE_PORT("duplicate-port", Severity.ERROR),
    INVALID_DURATION("invalid-duration", Severity.ERROR),
    EMPTY_COMMAND("empty-command", Severity.ERROR),
    DUPLICATE_STEP("duplicate-step", Severity.ERROR),
    UNKNOWN_NEED("unknown-need", Severity.ERROR),
    DUPLICATE_CAPABILITY("duplicate-capability", Severity.ERROR),
    PLACEHOLDER_SYNTAX("placeholder-syntax", Severity.ERROR),
    PLACEHOLDER_UNKNOWN("placeholder-unknown", Severity.ERROR),
    PLACEHOLDER_CONTEXT("placeholder-context", Severity.ERROR),
    PLACEHOLDER_SERVICE("placeholder-service", Severity.ERROR),
    SHOWN_SECRET("shown-secret", Severity.ERROR),
    SECRET_ON_COMMAND_LINE("secret-on-command-line", Severity.ERROR),
    OUTPUT_PATH("output-path", Severity.ERROR),
    WATCH_RULE("watch-rule", Severity.ERROR),
    STEP_INPUTS("step-inputs", Severity.ERROR),
    RELEASE_NAME("release-name", Severity.ERROR),
    UNKNOWN_RULE("unknown-rule", Severity.WARNING),
    // Stack file
    DUPLICATE_PROJECT("duplicate-project", Severity.ERROR),
    // Dockerfile
    DOCKERFILE_SYNTAX("dockerfile-syntax", Severity.ERROR),
    NO_FROM("no-from", Severity.ERROR),
    UNKNOWN_INSTRUCTION("unknown-instruction", Severity.ERROR),
    COPY_SOURCE_MISSING("copy-source-missing", Severity.ERROR),
    COPY_SOURCE_OUTSIDE_CONTEXT("copy-source-outside-context", Severity.ERROR),
    COPY_SOURCE_IGNORED("copy-source-ignored", Severity.ERROR),
    UNKNOWN_STAGE("unknown-stage", Severity.ERROR),
    BASE_IMAGE_UNPINNED("base-image-unpinned", Severity.WARNING),
    ADD_URL("add-url", Severity.WARNING),
    RUNS_AS_ROOT("runs-as-root", Severity.WARNING),
    SECRET_IN_ENV("secret-in-env", Severity.WARNING),
    PORT_NOT_EXPOSED("port-not-exposed", Severity.WARNING),
    NO_HEALTHCHECK("no-healthcheck", Severity.WARNING),
    NEEDS_BUILDKIT("needs-buildkit", Severity.WARNING),
    CAP_ADD("cap-add", Severity.WARNING);

    private final String id;
    private final Severity severity;

    Rule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Rules that describe an unreadable file: they cannot be suppressed, since nothing else could be checked. */
    public boolean suppressible() {
        return switch (this) {
            case MANIFEST_MISSING,
                    DOCKERFILE_MISSING,
                    BUILD_CONTEXT_MISSING,
                    FILE_ENCODING,
                    FILE_EMPTY,
                    FILE_TOO_LARGE,
                    YAML_SYNTAX,
                    YAML_TAB,
                    YAML_TOO_DEEP -> false;
            default -> true;
        };
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
