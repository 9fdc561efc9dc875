package io.github.docstack.image;

import io.github.docstack.manifest.ValidationReport;

/** The docstack/ directory has errors, so nothing was built; the report lists them. */
public class InvalidDocstackException extends Exception {

    private final ValidationReport report;

    public InvalidDocstackException(ValidationReport report) {
        super(report.directory() + " has " + report.summary() + ": fix the errors listed above; nothing was built");
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
