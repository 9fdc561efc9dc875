package io.github.docstack.scaffold;

import io.github.docstack.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a working {@code docstack/} directory (Dockerfile, manifest, a placeholder service), a .dockerignore
 * and a Jenkinsfile into a project, from the templates in the plugin jar. The archetype is generated from the
 * same templates (its build copies them), so a new project and an existing one start alike.
 */
public final class Scaffold {

    /** Template name in the jar to the file it becomes, relative to the project. */
    public static final Map<String, String> FILES;

    static {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Dockerfile", "docstack/Dockerfile");
        files.put("docstack.yaml", "docstack/docstack.yaml");
        files.put("serve.pl", "docstack/serve.pl");
        files.put(".dockerignore", ".dockerignore");
        files.put("Jenkinsfile", "Jenkinsfile");
        FILES = java.util.Collections.unmodifiableMap(files);
    }

    private static final String TEMPLATES = "/io/github/docstack/init/";

    /** The values the templates use: {@code ${serviceName}}, {@code ${servicePort}}, {@code ${docstackVersion}}. */
    public record Values(String serviceName, int servicePort, String docstackVersion) {

        public Values {
            if (!Manifest.SERVICE_NAME.matcher(serviceName).matches()) {
                throw new IllegalArgumentException("'" + serviceName + "' cannot be a service name (and image name):"
                        + " use lowercase letters, digits and '-', e.g. " + suggest(serviceName));
            }
            if (servicePort < 1 || servicePort > 65535) {
                throw new IllegalArgumentException("Port " + servicePort + " is outside 1-65535");
            }
        }

        /** A usable service name from a directory or artifact name: {@code My_Service} gives {@code my-service}. */
        public static String suggest(String name) {
            String suggestion =
                    name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
            return suggestion.isEmpty() ? "service" : suggestion.substring(0, Math.min(63, suggestion.length()));
        }
    }

    /** A file the scaffold would write exists already; nothing was written. */
    public static final class FileExistsException extends Exception {
        public FileExistsException(Path file) {
            super(file + " exists already, and docstack:init never overwrites a file: move it aside (or delete it)"
                    + " and run docstack:init again; nothing was written");
        }
    }

    private Scaffold() {}

    /**
     * Writes every file, or none: when one exists, it says which and writes nothing.
     *
     * @return the files written, in order
     */
    public static List<Path> write(Path project, Values values) throws IOException, FileExistsException {
        for (String target : FILES.values()) {
            if (Files.exists(project.resolve(target))) {
                throw new FileExistsException(project.resolve(target));
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path target = project.resolve(file.getValue());
            Files.createDirectories(target.getParent());
            Files.writeString(target, render(template(file.getKey()), values));
            written.add(target);
        }
        return written;
    }

    static String render(String template, Values values) {
        return template.replace("${serviceName}", values.serviceName())
                .replace("${servicePort}", String.valueOf(values.servicePort()))
                .replace("${docstackVersion}", values.docstackVersion());
    }

    private static String template(String name) throws IOException {
        try (InputStream in = Scaffold.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IOException("The template " + name + " is missing from the docstack plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
