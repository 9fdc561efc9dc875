package io.github.docstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering, read from the sources' imports (and fully qualified names): fabric8's Docker client is the engine
 * package's business, its Kubernetes model the kubernetes package's, Maven the mojo package's, and docstack's packages depend on each other without a cycle.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/docstack");
    private static final Pattern DOCSTACK_REFERENCE = Pattern.compile("\\bio\\.github\\.docstack\\.([a-z]+)\\.");

    /** Per package, its source files' text. */
    private static Map<String, List<String>> packages;

    @BeforeAll
    static void readSources() throws IOException {
        packages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                try {
                    packages.computeIfAbsent(pkg, name -> new ArrayList<>()).add(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void everyPackageSaysWhatItHoldsInItsPackageInfo() {
        List<String> without = packages.keySet().stream()
                .filter(pkg -> !Files.isRegularFile(
                        SOURCES.resolve(pkg.replace('.', '/')).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), without, "packages without a package-info.java");
    }

    @Test
    void onlyTheEnginePackageUsesFabric8sDockerClient() {
        assertEquals(Set.of("engine"), packagesMentioning("io.fabric8.maven."));
    }

    @Test
    void onlyTheKubernetesPackageUsesFabric8sKubernetesModel() {
        assertEquals(Set.of("kubernetes"), packagesMentioning("io.fabric8.kubernetes."));
    }

    @Test
    void onlyTheMojoPackageUsesMaven() {
        assertEquals(Set.of("mojo"), packagesMentioning("org.apache.maven."));
    }

    @Test
    void onlyTheMojoPackageTellsTheUserAMavenCommandLine() throws IOException {
        // The library's messages say what happened and what to change; the mojos add the goal or -D property to use.
        // The grammar's reference text (the *Shape classes) documents the plugin, properties included.
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(file -> file.toString().endsWith(".java")).toList()) {
                if (file.getParent().endsWith("mojo")
                        || file.getFileName().toString().endsWith("Shape.java")) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String code = line.strip();
                    if (!code.startsWith("*")
                            && !code.startsWith("/")
                            && (code.contains("mvn docstack:") || code.contains("-Ddocstack."))) {
                        found.add(SOURCES.relativize(file) + ": " + code);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "a message of the library names a goal to run or a property to set");
    }

    @Test
    void thePackageGraphHasNoCycle() {
        Map<String, Set<String>> uses = new TreeMap<>();
        packages.forEach((pkg, sources) -> {
            Set<String> used = new TreeSet<>();
            for (String source : sources) {
                Matcher reference = DOCSTACK_REFERENCE.matcher(source);
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg)) {
                        used.add(reference.group(1));
                    }
                }
            }
            uses.put(pkg, used);
        });
        List<String> cycles = new ArrayList<>();
        for (String pkg : uses.keySet()) {
            List<String> path = new ArrayList<>(List.of(pkg));
            if (reachesBack(pkg, pkg, uses, path, new TreeSet<>())) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "package dependencies: " + uses);
    }

    private static boolean reachesBack(
            String start, String from, Map<String, Set<String>> uses, List<String> path, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return true;
            }
            if (seen.add(next)) {
                path.add(next);
                if (reachesBack(start, next, uses, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private static Set<String> packagesMentioning(String prefix) {
        Set<String> found = new TreeSet<>();
        packages.forEach((pkg, sources) -> {
            if (sources.stream().anyMatch(source -> source.contains(prefix))) {
                found.add(pkg);
            }
        });
        return found;
    }
}
