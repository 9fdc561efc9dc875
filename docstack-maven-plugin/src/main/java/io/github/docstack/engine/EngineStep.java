package io.github.docstack.engine;

/** One request to the engine that returns nothing, run under a {@link CallBound}. */
@FunctionalInterface
interface EngineStep {

    void run() throws EngineException;
}
