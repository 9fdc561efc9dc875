package io.github.docstack.engine;

/** What the engine says of itself ({@code GET /version}). */
public record EngineVersion(String version, String apiVersion, String os, String arch) {

    @Override
    public String toString() {
        return "Docker Engine " + version + " (API " + apiVersion + ", " + os + "/" + arch + ")";
    }
}
