package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.image.BuildPlan;
import io.github.docstack.image.BuildRequest;
import io.github.docstack.image.BuiltImage;
import io.github.docstack.image.ImageBuilder;
import io.github.docstack.image.ImageRecords;
import io.github.docstack.image.InvalidDocstackException;
import io.github.docstack.image.ReleaseNotBuiltException;
import io.github.docstack.image.TagPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the project's image from its {@code docstack/} directory: validates it first, sends the build context
 * as Docker would (honouring .dockerignore), labels the image (source, revision, version, created, title,
 * description, and the manifest) and tags it by the tag policy: {@code git-<sha>} always, {@code latest} on the
 * default branch, the series on {@code stable/<series>}, release and milestone tags. Works without a pom.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, requiresProject = false, threadSafe = true)
public class BuildMojo extends AbstractDocstackMojo {

    /** The docstack/ directory to build. */
    @Parameter(property = DocstackProperties.DIRECTORY, defaultValue = "${basedir}/docstack")
    private File directory;

    /** Registry host[:port] the image is named for (and docstack:push pushes to), e.g. localhost:5000. */
    @Parameter(property = DocstackProperties.REGISTRY)
    private String registry;

    /** Path inside the registry, e.g. {@code docstack}. */
    @Parameter(property = DocstackProperties.NAMESPACE)
    private String namespace;

    /** Tags on top of the tag policy's. */
    @Parameter(property = DocstackProperties.TAGS)
    private List<String> tags;

    /**
     * The release to build, of those the manifest's {@code build.releases} names (each is tagged with its name).
     * Default: the newest, the first it names. A directory without releases builds one image for every release.
     */
    @Parameter(property = DocstackProperties.RELEASE)
    private String release;

    /** Build arguments on top of the manifest's build.args. */
    @Parameter
    private Map<String, String> buildArgs;

    /** Build arguments from the command line, {@code -Ddocstack.buildArgs=NAME=VALUE,NAME=VALUE}; these win. */
    @Parameter(property = DocstackProperties.BUILD_ARGS)
    private String buildArgsProperty;

    /** Build every layer afresh. */
    @Parameter(property = DocstackProperties.NO_CACHE, defaultValue = "false")
    private boolean noCache;

    /** Look for a newer base image even when the engine has one. */
    @Parameter(property = DocstackProperties.PULL, defaultValue = "false")
    private boolean pull;

    /** Validation rules not to report. */
    @Parameter(property = DocstackProperties.IGNORE)
    private List<String> ignore;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        BuildRequest request = BuildRequest.of(directory.toPath(), System.getenv())
                .withRegistry(registry, namespace)
                .withExtraTags(tags == null ? List.of() : tags)
                .withBuildArgs(buildArgs())
                .withNoCache(noCache)
                .withPull(pull)
                .withIgnoredRules(ignore == null ? List.of() : ignore)
                .withRelease(release == null || release.isBlank() ? null : release.strip());
        Path output = outputDirectory();
        ImageBuilder builder = new ImageBuilder(TagPolicy.DEFAULT);
        try {
            BuildPlan plan = builder.plan(request, output);
            BuiltImage image;
            try (Engine engine = connectEngine()) {
                image = builder.build(plan, engine, new MavenEngineLog(getLog()));
            }
            ImageRecords.write(output.resolve(ImageRecords.BUILD_FILE), image);
            getLog().info("docstack:build " + image.name() + " (" + image.imageId() + ")");
            image.tags().forEach(tag -> getLog().info("  " + tag));
        } catch (InvalidDocstackException e) {
            throw failure(e);
        } catch (ReleaseNotBuiltException e) {
            throw new MojoFailureException(e.getMessage() + ". Nothing was built: -D" + DocstackProperties.RELEASE + "="
                    + e.releases().get(0) + " builds the newest, or leave it out");
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private Map<String, String> buildArgs() throws MojoExecutionException {
        Map<String, String> args = new LinkedHashMap<>(buildArgs == null ? Map.of() : buildArgs);
        if (buildArgsProperty != null && !buildArgsProperty.isBlank()) {
            for (String pair : Arrays.stream(buildArgsProperty.split(","))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .toList()) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new MojoExecutionException(
                            "'" + pair + "' in " + DocstackProperties.BUILD_ARGS + " is not NAME=VALUE: write -D"
                                    + DocstackProperties.BUILD_ARGS + "=NAME=VALUE,NAME=VALUE");
                }
                args.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return args;
    }
}
