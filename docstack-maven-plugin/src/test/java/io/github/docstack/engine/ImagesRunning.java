package io.github.docstack.engine;

import java.util.List;
import java.util.Map;

/** Images for tests that care only about what an image runs: no labels, ports, user or healthcheck. */
public final class ImagesRunning {

    private ImagesRunning() {}

    /** An image whose configuration runs {@code entrypoint} with {@code cmd} as its arguments. */
    public static ImageDetails of(String id, List<String> entrypoint, List<String> cmd) {
        return new ImageDetails(id, cmd, entrypoint, List.of(), Map.of(), List.of(), null, null, List.of());
    }
}
