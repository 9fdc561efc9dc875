package io.github.docstack.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a project with a docstack/ directory for tests; the defaults validate with no problem at all. */
final class DocstackDirectory {

    static final String GOOD_MANIFEST = """
            apiVersion: docstack/v1
            name: demo
            description: A demo service
            services:
              api:
                command: [serve]
                ports: [9292]
            """;

    static final String GOOD_DOCKERFILE = """
            FROM debian:bookworm-slim
            RUN useradd --system app
            COPY docstack/serve.sh /usr/local/bin/serve
            USER app
            EXPOSE 9292
            HEALTHCHECK --interval=1s CMD ["true"]
            CMD ["serve"]
            """;

    final Path project;
    final Path docstack;

    private DocstackDirectory(Path project) throws IOException {
        this.project = project;
        this.docstack = Files.createDirectories(project.resolve("docstack"));
        Files.writeString(docstack.resolve("serve.sh"), "#!/bin/sh\n");
    }

    static DocstackDirectory in(Path project) throws IOException {
        return new DocstackDirectory(project).manifest(GOOD_MANIFEST).dockerfile(GOOD_DOCKERFILE);
    }

    DocstackDirectory manifest(String text) throws IOException {
        Files.writeString(docstack.resolve("docstack.yaml"), text);
        return this;
    }

    DocstackDirectory manifest(byte[] bytes) throws IOException {
        Files.write(docstack.resolve("docstack.yaml"), bytes);
        return this;
    }

    DocstackDirectory dockerfile(String text) throws IOException {
        Files.writeString(docstack.resolve("Dockerfile"), text);
        return this;
    }

    DocstackDirectory file(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    ValidationReport validate(String... ignored) {
        return DocstackValidator.validate(docstack, java.util.List.of(ignored));
    }
}
