package io.github.docstack.mojo;

/**
 * Every user property docstack reads ({@code -Ddocstack.*} on the command line, or {@code <properties>} in a
 * pom). One place, so names stay consistent across goals and the docs can list them all.
 */
public final class DocstackProperties {

    /** Skip every docstack goal. */
    public static final String SKIP = "docstack.skip";

    /** The Docker engine's address; defaults to {@code DOCKER_HOST}, else the default socket. */
    public static final String DOCKER_HOST = "docstack.dockerHost";

    /** The docstack/ directory to validate or build. */
    public static final String DIRECTORY = "docstack.directory";

    /** Fail validation on warnings too. */
    public static final String FAIL_ON_WARNING = "docstack.failOnWarning";

    /** Rule ids not to report, comma-separated. */
    public static final String IGNORE = "docstack.ignore";

    /** Registry host[:port] images are named for and pushed to, e.g. localhost:5000. */
    public static final String REGISTRY = "docstack.registry";

    /** Path inside the registry, e.g. docstack. */
    public static final String NAMESPACE = "docstack.namespace";

    /** Tags on top of the tag policy's, comma-separated. */
    public static final String TAGS = "docstack.tags";

    /** Build arguments on top of the manifest's, as NAME=VALUE,NAME=VALUE. */
    public static final String BUILD_ARGS = "docstack.buildArgs";

    /** Build every layer afresh. */
    public static final String NO_CACHE = "docstack.noCache";

    /** Look for a newer base image even when the engine has one. */
    public static final String PULL = "docstack.pull";

    /** How many times docstack:push tries a tag before it gives up. */
    public static final String PUSH_ATTEMPTS = "docstack.pushAttempts";

    /** Where docstack writes build.json, image.json and reports; default target/docstack, or .docstack without a pom. */
    public static final String OUTPUT_DIRECTORY = "docstack.outputDirectory";

    /** The project docstack:init adds docstack/ to. */
    public static final String PROJECT_DIRECTORY = "docstack.projectDirectory";

    /** The service (and image) name docstack:init writes. */
    public static final String SERVICE_NAME = "docstack.serviceName";

    /** The port docstack:init's service listens on. */
    public static final String SERVICE_PORT = "docstack.servicePort";

    /** Seconds one request to the Docker engine may take before docstack judges the engine hung. */
    public static final String ENGINE_TIMEOUT = "docstack.engineTimeout";

    /** The stack file docstack:up, down, status, logs, compose and kubernetes read. */
    public static final String STACK = "docstack.stack";

    /** Where the stack runs: on the Docker engine itself (engine, the default) or on the Swarm it manages (swarm). */
    public static final String TARGET = "docstack.target";

    /**
     * The OpenStack release (a series such as 2026.2, or latest) a stack's projects are pulled or built for, in
     * place of the stack file's release:; the release docstack:build builds, of the directory's build.releases.
     */
    public static final String RELEASE = "docstack.release";

    /** The stack's optional projects to bring in, by profile, comma-separated; none for only the projects without one. */
    public static final String PROFILES = "docstack.profiles";

    /** Moves every published port of a stack by this much, to run two stacks side by side. */
    public static final String PORT_OFFSET = "docstack.portOffset";

    /** Seconds a service may take to become healthy (and a one-shot step to finish). */
    public static final String HEALTH_TIMEOUT = "docstack.healthTimeout";

    /** How many steps docstack:up runs at once. */
    public static final String PARALLELISM = "docstack.parallelism";

    /** docstack:down also removes the stack's volumes and secrets. */
    public static final String REMOVE_VOLUMES = "docstack.removeVolumes";

    public static final String LOCK_WAIT = "docstack.lockWait";

    /** Milliseconds docstack:watch waits for a burst of saves to end before it acts. */
    public static final String WATCH_QUIET = "docstack.watch.quiet";

    /** The service docstack:logs shows; all when unset. */
    public static final String SERVICE = "docstack.service";

    /** docstack:logs keeps following the logs. */
    public static final String FOLLOW = "docstack.follow";

    /** Which tests docstack:verify runs, handed to each verify step (tempest: a regular expression). */
    public static final String VERIFY_FILTER = "docstack.verify.filter";

    /** Seconds one verify step may run. */
    public static final String VERIFY_TIMEOUT = "docstack.verify.timeout";

    /** The image of docstack:kubernetes' init containers that wait for Jobs and ready Services. */
    public static final String KUBERNETES_WAIT_IMAGE = "docstack.kubernetes.waitImage";

    /** The storage each of docstack:kubernetes' PersistentVolumeClaims requests. */
    public static final String KUBERNETES_VOLUME_SIZE = "docstack.kubernetes.volumeSize";

    private DocstackProperties() {}
}
