package io.github.docstack.engine;

import java.util.List;

/** A container did not become healthy: it exited, was judged unhealthy, or the wait timed out. */
public class ContainerNotHealthyException extends EngineException {

    private final ContainerState state;
    private final List<String> lastLogLines;

    public ContainerNotHealthyException(String message, ContainerState state, List<String> lastLogLines) {
        super(message);
        this.state = state;
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    public ContainerState state() {
        return state;
    }

    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
