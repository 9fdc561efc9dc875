package io.github.docstack.engine;

import java.util.List;
import java.util.Map;

/**
 * What an image's configuration says ({@code GET /images/NAME/json}): what it runs, as whom, what it exposes
 * and how it checks its health.
 *
 * @param healthcheck the HEALTHCHECK test ({@code [CMD, ...]} or {@code [CMD-SHELL, ...]}), empty for none
 */
public record ImageDetails(
        String id,
        List<String> cmd,
        List<String> entrypoint,
        List<String> env,
        Map<String, String> labels,
        List<String> exposedPorts,
        String user,
        String workingDir,
        List<String> healthcheck) {}
