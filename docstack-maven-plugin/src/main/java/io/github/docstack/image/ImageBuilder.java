package io.github.docstack.image;

import io.github.docstack.dockerfile.DockerIgnore;
import io.github.docstack.dockerfile.DockerfileParser;
import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.ImageBuild;
import io.github.docstack.engine.ImageBuildFailedException;
import io.github.docstack.engine.ImageDetails;
import io.github.docstack.engine.Sha256;
import io.github.docstack.manifest.DocstackValidator;
import io.github.docstack.manifest.Manifest;
import io.github.docstack.manifest.ManifestJson;
import io.github.docstack.manifest.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a project's image from its docstack/ directory: validates it, packs the build context as Docker
 * would (honouring .dockerignore), labels the image with where it came from and its manifest, and tags it by
 * the tag policy.
 */
public final class ImageBuilder {

    /** The label that names the release an image was built for, of its directory's build.releases. */
    public static final String RELEASE_LABEL = "io.github.docstack.release";

    private final TagPolicy policy;

    public ImageBuilder(TagPolicy policy) {
        this.policy = policy;
    }

    /**
     * Validates the docstack/ directory and works out the build; needs no engine.
     *
     * @param outputDirectory docstack's output directory; never sent to the engine, even inside the context
     */
    public BuildPlan plan(BuildRequest request, Path outputDirectory)
            throws InvalidDocstackException, ReleaseNotBuiltException, IOException {
        ValidationReport report = DocstackValidator.validate(request.docstackDirectory(), request.ignoredRules());
        if (report.hasErrors()) {
            throw new InvalidDocstackException(report);
        }
        Manifest manifest = report.manifest();
        Path docstack = report.directory();
        Path context = docstack.resolve(manifest.build().context()).normalize();
        Path dockerfile = docstack.resolve(manifest.build().dockerfile()).normalize();
        if (!dockerfile.startsWith(context)) {
            throw new IOException("The Dockerfile " + dockerfile + " lies outside the build context " + context
                    + ": move it into the context, or widen build.context in the manifest");
        }
        Manifest.Release release = release(manifest, request.release());
        GitState git = GitInspector.inspect(docstack, request.environment());
        List<String> tagNames = new ArrayList<>(
                release == null
                        ? policy.tags(git)
                        : policy.tags(
                                git,
                                release.name(),
                                release.equals(manifest.build().releases().get(0))));
        for (String extra : request.extraTags()) {
            if (!TagPolicy.isValidTag(extra)) {
                throw new IllegalArgumentException("'" + extra + "' is not a valid Docker tag: use letters, digits,"
                        + " '_', '.' and '-', at most 128, not starting with '.' or '-'");
            }
            if (!tagNames.contains(extra)) {
                tagNames.add(extra);
            }
        }
        ImageReference name = ImageReference.of(request.registry(), request.namespace(), manifest.name());
        Map<String, String> buildArgs = new LinkedHashMap<>(manifest.build().args());
        if (release != null) {
            buildArgs.putAll(release.args());
        }
        buildArgs.putAll(request.buildArgs());
        Map<String, String> labels = labels(git, manifest, request.environment());
        if (release != null) {
            labels.put(RELEASE_LABEL, release.name());
        }
        String base = DockerfileParser.parse(Files.readString(dockerfile))
                .baseImage(manifest.build().target(), buildArgs);
        if (base != null && !base.isEmpty() && !base.equals("scratch")) {
            labels.put("org.opencontainers.image.base.name", base);
        }
        Path output = outputDirectory.toAbsolutePath().normalize();
        Set<String> neverSent = output.startsWith(context) && !output.equals(context)
                ? Set.of(context.relativize(output).toString().replace('\\', '/'))
                : Set.of();
        return new BuildPlan(
                manifest,
                report.manifestText(),
                name,
                tagNames.stream().map(tag -> name.withTag(tag).toString()).toList(),
                tagNames,
                context,
                context.relativize(dockerfile).toString().replace('\\', '/'),
                neverSent,
                fileDigests(output, context),
                buildArgs,
                labels,
                git,
                policy.version(git),
                request.noCache(),
                request.pull(),
                buildProxy(request.environment()));
    }

    /**
     * The release of the manifest's build.releases to build: the one asked for, or the newest (the first) for none,
     * latest or milestone; null when the directory builds one image for every release.
     */
    private static Manifest.Release release(Manifest manifest, String asked) throws ReleaseNotBuiltException {
        Manifest.BuildSpec build = manifest.build();
        if (build.releases().isEmpty()) {
            return null;
        }
        if (asked == null || asked.equals("latest") || asked.equals("milestone")) {
            return build.releases().get(0);
        }
        return build.release(asked)
                .orElseThrow(() -> new ReleaseNotBuiltException(manifest.name(), asked, build.releaseNames()));
    }

    /** One file per context, in docstack's output directory, so projects resolved side by side never share one. */
    private static Path fileDigests(Path outputDirectory, Path context) {
        return outputDirectory.resolve("file-digests").resolve(Sha256.hex(context.toString(), 8));
    }

    private static String buildProxy(Map<String, String> environment) {
        String proxy = environment.get(BuildPlan.BUILD_PROXY_VARIABLE);
        return proxy == null || proxy.isBlank() ? null : proxy.strip();
    }

    /** Packs the context, builds and tags the image. */
    public BuiltImage build(BuildPlan plan, Engine engine, EngineLog log) throws EngineException, IOException {
        return build(plan, engine, log, false);
    }

    /**
     * As {@link #build}, except that when the engine holds an image built from the very same inputs (the context as
     * sent, the Dockerfile, build arguments, target and manifest), nothing is sent: that image gets the plan's tags.
     * For up, where an unchanged project must not be rebuilt and recreated because the commit moved; its revision
     * label then names the commit it was built at. docstack:build always builds, so a pushed image names its own.
     */
    public BuiltImage buildUnlessUnchanged(BuildPlan plan, Engine engine, EngineLog log)
            throws EngineException, IOException {
        return build(plan, engine, log, !plan.noCache() && !plan.pull());
    }

    /**
     * An image built from these inputs: most often the one the plan's first tag names already (a no-op up asks
     * nothing more), else any the engine holds, found by label, which makes the engine go through all its images.
     */
    private static Optional<String> imageWithInputs(Engine engine, BuildPlan plan, String inputs)
            throws EngineException {
        String current = plan.references().get(0);
        if (engine.hasImage(current)) {
            ImageDetails details = engine.inspectImage(current);
            if (inputs.equals(details.labels().get(BuildInputs.LABEL))) {
                return Optional.of(details.id());
            }
        }
        return engine.imagesWithLabel(BuildInputs.LABEL, inputs).stream().findFirst();
    }

    private BuiltImage build(BuildPlan plan, Engine engine, EngineLog log, boolean reuse)
            throws EngineException, IOException {
        long start = System.nanoTime();
        DockerIgnore ignore = DockerIgnore.of(plan.context());
        Set<String> alwaysSent = Set.of(plan.dockerfileInContext(), ".dockerignore");
        List<ContextListing.Entry> entries = ContextListing.of(plan.context(), ignore, alwaysSent, plan.neverSent());
        FileDigests files = FileDigests.in(plan.fileDigests());
        String inputs = BuildInputs.hash(BuildInputs.contextDigest(entries, files), plan);
        files.save();
        if (reuse) {
            Optional<String> same = imageWithInputs(engine, plan, inputs);
            if (same.isPresent()) {
                for (String reference : plan.references()) {
                    engine.tag(same.get(), reference);
                }
                log.info("Unchanged " + plan.name() + " (same build inputs as image " + shortId(same.get())
                        + "): not rebuilt");
                return new BuiltImage(
                        plan.name().toString(),
                        plan.references(),
                        same.get(),
                        plan.git().commit(),
                        plan.version());
            }
        }
        Path archive = Files.createTempFile("docstack-context-", ".tar");
        try {
            // Written after the fingerprint: a file edited in between is sent as it is now, and the image's label
            // then names older inputs, so the next up builds again rather than keep it.
            int written = ContextArchive.write(entries, archive);
            log.info("Build context " + plan.context() + ": " + written + " files, " + Files.size(archive) / 1024
                    + " KiB" + " (after .dockerignore)");
            Map<String, String> labels = new LinkedHashMap<>(plan.labels());
            labels.put(ManifestJson.LABEL, ManifestJson.write(plan.manifest()));
            List<String> versionsCommand = plan.manifest().build().versions();
            // With a versions command the image gets its last labels in a second build; only that image may be
            // found by its inputs and reused.
            Map<String, String> lastLabels = new LinkedHashMap<>();
            if (versionsCommand.isEmpty()) {
                labels.put(BuildInputs.LABEL, inputs);
            } else {
                lastLabels.put(BuildInputs.LABEL, inputs);
            }
            Map<String, String> stepInputs =
                    StepInputs.digests(plan.manifest(), plan.context(), ignore, alwaysSent, plan.neverSent());
            if (!stepInputs.isEmpty()) {
                labels.put(StepInputs.LABEL, StepInputs.label(stepInputs));
            }
            String imageId = build(
                    engine,
                    new ImageBuild(
                            archive,
                            plan.dockerfileInContext(),
                            plan.references(),
                            plan.engineBuildArgs(),
                            labels,
                            plan.manifest().build().target(),
                            plan.noCache(),
                            plan.pull()));
            List<String> tagNames = plan.tagNames();
            if (!versionsCommand.isEmpty()) {
                String versions = PackageVersions.read(engine, plan.name().toString(), imageId, versionsCommand);
                lastLabels.put(PackageVersions.LABEL, versions);
                tagNames = policy.withPackageMilestone(tagNames, versions);
                imageId = PackageVersions.relabel(engine, imageId, lastLabels, references(plan, tagNames));
            }
            log.info("Built " + plan.name() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms, tagged "
                    + String.join(", ", tagNames));
            return new BuiltImage(
                    plan.name().toString(),
                    references(plan, tagNames),
                    imageId,
                    plan.git().commit(),
                    plan.version());
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /** Has the engine build it; a failure apt explains says which packages could not be installed. */
    private static String build(Engine engine, ImageBuild build) throws EngineException {
        try {
            return engine.build(build);
        } catch (ImageBuildFailedException e) {
            List<String> problems = AptProblems.in(e.outputTail());
            if (problems.isEmpty()) {
                throw e;
            }
            throw new PackagesNotInstallableException(e, problems);
        }
    }

    private static List<String> references(BuildPlan plan, List<String> tagNames) {
        return tagNames.stream().map(tag -> plan.name().withTag(tag).toString()).toList();
    }

    private static String shortId(String imageId) {
        String hex = imageId.replaceFirst("^sha256:", "");
        return hex.substring(0, Math.min(12, hex.length()));
    }

    private static Instant sourceDateEpoch(Map<String, String> environment) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch == null || !epoch.matches("\\d+")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(epoch));
    }

    private Map<String, String> labels(GitState git, Manifest manifest, Map<String, String> environment) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (git.remoteUrl() != null) {
            labels.put("org.opencontainers.image.source", git.remoteUrl());
        }
        if (git.commit() != null) {
            labels.put("org.opencontainers.image.revision", git.commit());
        }
        labels.put("org.opencontainers.image.version", policy.version(git));
        // The commit time, not the build time: two builds of one commit carry the same label (and the same image
        // id, so a stack sees nothing changed). Outside git: SOURCE_DATE_EPOCH, else no label rather than "now".
        Instant created = git.commitTime() != null ? git.commitTime() : sourceDateEpoch(environment);
        if (created != null) {
            labels.put("org.opencontainers.image.created", created.toString());
        }
        labels.put("org.opencontainers.image.title", manifest.name());
        if (manifest.description() != null) {
            labels.put("org.opencontainers.image.description", manifest.description());
        }
        return labels;
    }
}
