package io.github.docstack.stack;

import io.github.docstack.manifest.Placeholder;
import java.util.List;
import java.util.Map;

/**
 * Fills in a manifest value's placeholders for one place in the stack. Everything is known before anything
 * starts (names, published ports, secrets), which is what lets the same stack be written as a Compose file.
 */
final class Renderer {

    /**
     * Where a value is rendered: {@code owner} says where in words, {@code project} is the manifest's project, and a
     * provider's exports and provision have a consumer, its secret and its {@code with:} values.
     */
    record Scope(String owner, String project, String consumer, String secret, Map<String, String> with) {
        static Scope of(String project, String owner) {
            return new Scope(owner, project, null, null, Map.of());
        }
    }

    private final String stackName;
    private final String adminPassword;
    /** A project's own secret, made the first time it is asked for. */
    private final java.util.function.Function<String, String> projectSecret;
    /** Service name to its ports, container port to host port. */
    private final Map<String, Map<Integer, Integer>> ports;
    /** Service name to the address its published ports answer on, from this machine. */
    private final Map<String, String> addresses;

    Renderer(
            String stackName,
            String adminPassword,
            java.util.function.Function<String, String> projectSecret,
            Map<String, Map<Integer, Integer>> ports,
            Map<String, String> addresses) {
        this.stackName = stackName;
        this.adminPassword = adminPassword;
        this.projectSecret = projectSecret;
        this.ports = ports;
        this.addresses = addresses;
    }

    String render(String value, Scope scope) throws StackException {
        Placeholder.Scan scan = Placeholder.scan(value);
        if (scan.error() != null) {
            throw new StackException(scope.owner() + ": " + scan.error());
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Placeholder placeholder : scan.placeholders()) {
            out.append(Placeholder.unescape(value.substring(at, placeholder.offset())));
            out.append(resolve(placeholder, scope));
            at = placeholder.end();
        }
        out.append(Placeholder.unescape(value.substring(at)));
        return out.toString();
    }

    private String resolve(Placeholder placeholder, Scope scope) throws StackException {
        List<String> path = placeholder.path();
        String shown = "${" + placeholder.expression() + "}";
        switch (placeholder.namespace()) {
            case "consumer" -> {
                return require(scope.consumer(), shown, scope);
            }
            case "secret" -> {
                return require(scope.secret(), shown, scope);
            }
            case "with" -> {
                String value = scope.with().get(path.get(0));
                if (value == null) {
                    throw new StackException(scope.owner() + " uses " + shown + ", but " + scope.consumer()
                            + " gives no " + path.get(0) + " in its requires ... with: add it there");
                }
                return value;
            }
            case "stack" -> {
                return path.get(0).equals("name") ? stackName : adminPassword;
            }
            case "project" -> {
                return projectSecret.apply(scope.project());
            }
            case "internal" -> {
                Map<Integer, Integer> servicePorts = service(path.get(0), shown, scope);
                return path.size() == 1
                        ? path.get(0)
                        : path.get(0) + ":" + port(servicePorts, path.get(1), shown, scope, false);
            }
            case "public" -> {
                Map<Integer, Integer> servicePorts = service(path.get(0), shown, scope);
                return addresses.get(path.get(0)) + ":" + port(servicePorts, path.get(1), shown, scope, true);
            }
            default ->
                throw new StackException(
                        scope.owner() + " uses " + shown + ", which is not a placeholder docstack knows");
        }
    }

    private Map<Integer, Integer> service(String name, String shown, Scope scope) throws StackException {
        Map<Integer, Integer> servicePorts = ports.get(name);
        if (servicePorts == null) {
            throw new StackException(scope.owner() + " uses " + shown + ", but no project of the stack has a service "
                    + name + ": the services are " + String.join(", ", new java.util.TreeSet<>(ports.keySet())));
        }
        return servicePorts;
    }

    private static int port(
            Map<Integer, Integer> servicePorts, String text, String shown, Scope scope, boolean published)
            throws StackException {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new StackException(scope.owner() + " uses " + shown + ": " + text + " is not a port number");
        }
        Integer host = servicePorts.get(port);
        if (host == null) {
            throw new StackException(scope.owner() + " uses " + shown + ", but that service has no port " + port
                    + ": its ports are " + new java.util.TreeSet<>(servicePorts.keySet()));
        }
        return published ? host : port;
    }

    private static String require(String value, String shown, Scope scope) throws StackException {
        if (value == null) {
            throw new StackException(
                    scope.owner() + " uses " + shown + " outside a provided capability's exports or provision");
        }
        return value;
    }
}
