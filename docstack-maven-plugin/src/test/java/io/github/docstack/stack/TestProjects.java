package io.github.docstack.stack;

import io.github.docstack.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Resolved projects for tests of wiring and running: mariadb provides a database, glance requires one, memcached stands
 * apart.
 */
final class TestProjects {

    private TestProjects() {}

    static Manifest manifest(
            String name,
            List<Manifest.Requirement> requires,
            List<Manifest.Capability> provides,
            List<Manifest.Step> init,
            Map<String, Manifest.Service> services) {
        return new Manifest(
                "docstack/v1",
                name,
                null,
                Manifest.BuildSpec.DEFAULT,
                requires,
                provides,
                init,
                services,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    static Manifest.Service service(String name, int port, Map<String, String> environment) {
        return new Manifest.Service(
                name, List.of(), List.of(), environment, List.of(port), null, Map.of(), null, null, List.of());
    }

    static final Readiness IMAGE_CHECK = Readiness.ofImageTest(List.of("CMD-SHELL", "mariadb-admin ping"));

    static final ResolvedProject MARIADB = new ResolvedProject(
            "mariadb",
            "mariadb:latest",
            "sha256:1",
            manifest(
                    "mariadb",
                    List.of(),
                    List.of(new Manifest.Capability(
                            "database",
                            List.of("provision"),
                            Map.of(
                                    "DATABASE_URL",
                                    "mysql://${consumer}:${secret}@${internal.mariadb.3306}/${consumer}"),
                            Map.of("ADMIN_PASSWORD", "${stack.admin_password}"))),
                    List.of(),
                    Map.of("mariadb", service("mariadb", 3306, Map.of()))),
            IMAGE_CHECK);

    static final ResolvedProject GLANCE = new ResolvedProject(
            "glance",
            "glance:latest",
            "sha256:2",
            manifest(
                    "glance",
                    List.of(new Manifest.Requirement("database", Map.of())),
                    List.of(),
                    List.of(new Manifest.Step("db-sync", List.of("glance-manage", "db_sync"), Map.of(), null)),
                    Map.of(
                            "glance-api",
                            service("glance-api", 9292, Map.of("SELF", "http://${public.glance-api.9292}")))),
            IMAGE_CHECK);

    /** A service that waits for nothing and that nothing waits for. */
    static final ResolvedProject MEMCACHED = new ResolvedProject(
            "memcached",
            "memcached:latest",
            "sha256:3",
            manifest(
                    "memcached",
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of("memcached", service("memcached", 11211, Map.of()))),
            IMAGE_CHECK);

    /** A stack named dev of these projects, its file in {@code dir}. */
    static Stack stack(Path dir, ResolvedProject... projects) {
        return new Stack(
                dir.resolve("stack.yaml"),
                "dev",
                null,
                "latest",
                java.util.Arrays.stream(projects)
                        .map(p -> new Stack.Project(p.name(), null, null, null))
                        .toList());
    }

    /** A deployment of the stack cloud made of these units alone, its state in {@code dir}'s .docstack/cloud. */
    static Deployment deployment(Path dir, Deployment.Unit... units) {
        return new Deployment(
                "cloud",
                "cloud",
                List.of(),
                List.of(units),
                List.of(),
                dir.resolve(".docstack").resolve("cloud"),
                List.of(),
                new Deployment.Secrets("id", java.util.Set.of()));
    }
}
