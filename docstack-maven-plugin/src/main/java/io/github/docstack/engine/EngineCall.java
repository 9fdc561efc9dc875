package io.github.docstack.engine;

/** One request (or a short series of them) to the engine, run under a {@link CallBound}. */
@FunctionalInterface
interface EngineCall<T> {

    T call() throws EngineException;
}
