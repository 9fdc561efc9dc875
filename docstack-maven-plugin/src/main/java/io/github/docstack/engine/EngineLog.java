package io.github.docstack.engine;

/** Where the engine reports progress: the Maven log in a mojo, anything else in tests. */
public interface EngineLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops everything. */
    EngineLog SILENT = new EngineLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
