package io.github.docstack.stack;

import io.github.docstack.image.ImageBuilder;

/** The labels docstack puts on every container, network and volume of a stack, so a fresh JVM finds them. */
public final class StackLabels {

    public static final String STACK = "io.github.docstack.stack";
    public static final String PROJECT = "io.github.docstack.project";
    public static final String UNIT = "io.github.docstack.unit";
    public static final String KIND = "io.github.docstack.kind";
    public static final String CONFIG_HASH = "io.github.docstack.config-hash";
    /** On a container of a project the stack file places ({@code node:}): the node it is to run on, on a Swarm. */
    public static final String NODE = "io.github.docstack.node";
    /**
     * On the record a succeeded one-shot step leaves: when it started and finished (ISO-8601). The record is a
     * container that is never started, made without the step's command and environment, which may hold secrets.
     */
    public static final String STARTED_AT = "io.github.docstack.started-at";

    public static final String FINISHED_AT = "io.github.docstack.finished-at";
    /**
     * On a volume: the id of the secrets its data was made with (see {@link SecretStore#id()}). On a container: the
     * id of the secrets of the checkout that made it, which is the stack's owner.
     */
    public static final String SECRETS = "io.github.docstack.secrets";
    /** On a volume: the release of the image whose services made its data (see {@link Deployment.Volume}). */
    public static final String RELEASE = ImageBuilder.RELEASE_LABEL;

    /** On a container: the directory of the owning checkout's secrets and outputs, to name it in a refusal. */
    public static final String STATE = "io.github.docstack.state";

    private StackLabels() {}
}
