package io.github.docstack.image;

import java.util.List;

/** A release was asked of a docstack/ directory whose {@code build.releases} does not name it. */
public final class ReleaseNotBuiltException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String project;
    private final String release;
    private final List<String> releases;

    public ReleaseNotBuiltException(String project, String release, List<String> releases) {
        super(project + " builds the releases " + String.join(", ", releases) + ", not " + release);
        this.project = project;
        this.release = release;
        this.releases = List.copyOf(releases);
    }

    public String project() {
        return project;
    }

    public String release() {
        return release;
    }

    /** The releases the directory builds, the newest first. */
    public List<String> releases() {
        return releases;
    }
}
