package io.github.docstack.engine;

/** No Docker engine answers at the address docstack resolved. */
public class EngineUnavailableException extends EngineException {

    private final EngineAddress address;

    public EngineUnavailableException(EngineAddress address, Throwable cause) {
        super(
                "No Docker engine answers at " + address + ": " + Causes.rootMessage(cause) + ". "
                        + "Start one (on Debian: 'apt-get install docker.io' and 'systemctl start docker', or 'dockerd &'; "
                        + "in docstack's own checkout: scripts/host-setup), "
                        + "or point DOCKER_HOST at an engine that runs.",
                cause);
        this.address = address;
    }

    public EngineAddress address() {
        return address;
    }
}
