package io.github.docstack.mojo;

import io.github.docstack.engine.EngineLog;
import org.apache.maven.plugin.logging.Log;

/** The engine's progress, in the Maven log. */
final class MavenEngineLog implements EngineLog {

    private final Log log;

    MavenEngineLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
