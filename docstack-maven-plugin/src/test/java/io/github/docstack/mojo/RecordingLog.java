package io.github.docstack.mojo;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that also keeps what was said, by level, for assertions. */
final class RecordingLog extends SystemStreamLog {

    final List<String> infos = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        infos.add(content.toString());
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        warnings.add(content.toString());
        super.warn(content);
    }

    @Override
    public void error(CharSequence content) {
        errors.add(content.toString());
        super.error(content);
    }
}
