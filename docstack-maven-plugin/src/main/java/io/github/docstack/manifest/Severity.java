package io.github.docstack.manifest;

/** How much a problem matters: errors stop a build, warnings stop it only with failOnWarning. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
