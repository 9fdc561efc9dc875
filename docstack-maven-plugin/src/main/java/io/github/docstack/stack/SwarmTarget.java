package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.SwarmEngine;

/**
 * A stack on a Docker Swarm: the engine docstack talks to is a manager, its services become Swarm services and its
 * one-shot steps Swarm jobs; the stack's label keeps its Swarm secrets with it, and a project's node label places it.
 */
public final class SwarmTarget {

    private SwarmTarget() {}

    /**
     * The Swarm {@code engine} manages, with docstack's labels: which units run once, which stack, which node.
     *
     * @throws io.github.docstack.engine.NotASwarmManagerException when {@code engine} manages no Swarm
     */
    public static SwarmEngine on(Engine engine) throws EngineException {
        return SwarmEngine.of(
                engine,
                labels -> !Deployment.Kind.SERVICE.label().equals(labels.get(StackLabels.KIND)),
                StackLabels.STACK,
                StackLabels.NODE);
    }
}
