package io.github.docstack.engine;

/** Swarm services were asked of an engine that is not the manager of an active Swarm. */
public class NotASwarmManagerException extends EngineException {

    private final EngineAddress address;

    public NotASwarmManagerException(EngineAddress address) {
        super("The Docker engine at " + address + " is not a Swarm manager, and only a manager runs Swarm services."
                + " Make it one ('docker swarm init'), or point DOCKER_HOST at a manager of your Swarm");
        this.address = address;
    }

    public EngineAddress address() {
        return address;
    }
}
