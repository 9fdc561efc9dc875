package io.github.docstack.engine;

import java.util.Map;

/** A volume as the engine lists it: its name and labels. */
public record VolumeSummary(String name, Map<String, String> labels) {

    public VolumeSummary {
        labels = Map.copyOf(labels);
    }
}
