package io.github.docstack.mojo;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that also keeps what was said at info level, for assertions. */
final class RecordingLog extends SystemStreamLog {

    final List<String> infos = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        infos.add(content.toString());
        super.info(content);
    }
}
