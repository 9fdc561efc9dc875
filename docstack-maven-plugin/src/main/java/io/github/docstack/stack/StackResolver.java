package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.ImageDetails;
import io.github.docstack.engine.RegistryException;
import io.github.docstack.image.BuildPlan;
import io.github.docstack.image.BuildRequest;
import io.github.docstack.image.ImageBuilder;
import io.github.docstack.image.ImagePuller;
import io.github.docstack.image.ImageReference;
import io.github.docstack.image.InvalidDocstackException;
import io.github.docstack.image.ReleaseNotBuiltException;
import io.github.docstack.image.StepInputs;
import io.github.docstack.image.TagPolicy;
import io.github.docstack.manifest.Manifest;
import io.github.docstack.manifest.ManifestJson;
import io.github.docstack.manifest.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns every project of a stack into an image and its manifest, all projects at once: pulled from the
 * stack's registry for the chosen channel, taken from the local engine, or built from a {@code path:} checkout.
 * The manifest comes from the image's {@code io.github.docstack.manifest} label: docstack needs nothing else.
 */
public final class StackResolver {

    private static final ImageBuilder BUILDER = new ImageBuilder(TagPolicy.DEFAULT);

    private final Engine engine;
    private final EngineLog log;
    private final int parallelism;
    private final ImagePuller puller;

    public StackResolver(Engine engine, EngineLog log, int parallelism, ImagePuller puller) {
        this.engine = engine;
        this.log = log;
        this.parallelism = parallelism;
        this.puller = puller;
    }

    public List<ResolvedProject> resolve(Stack stack) throws StackException, EngineException {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(parallelism, stack.projects().size())));
        try {
            // Every build is planned before any image is built or pulled: a project that cannot be built as the stack
            // asks (a broken directory, a release it does not build) stops up with nothing done.
            Map<String, Future<BuildPlan>> planning = new LinkedHashMap<>();
            for (Stack.Project project : stack.projects()) {
                if (project.path() != null) {
                    planning.put(project.name(), pool.submit(() -> plan(stack, project)));
                }
            }
            Map<String, BuildPlan> plans = new HashMap<>();
            for (Map.Entry<String, Future<BuildPlan>> each : planning.entrySet()) {
                plans.put(each.getKey(), unwrap(each.getValue()));
            }
            List<Future<ResolvedProject>> futures = new ArrayList<>();
            for (Stack.Project project : stack.projects()) {
                futures.add(pool.submit(() -> resolve(stack, project, plans.get(project.name()))));
            }
            List<ResolvedProject> resolved = new ArrayList<>();
            for (Future<ResolvedProject> future : futures) {
                resolved.add(unwrap(future));
            }
            return resolved;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How a {@code path:} project's image is built: its docstack/ directory as it is, for the release the stack asks
     * of it, the stack's .docstack/ never sent.
     */
    static BuildPlan plan(Stack stack, Stack.Project project) throws StackException, IOException {
        try {
            return BUILDER.plan(
                    BuildRequest.of(project.path().resolve("docstack"), System.getenv())
                            .withRelease(stack.releaseOf(project)),
                    stack.file().getParent().resolve(".docstack"));
        } catch (InvalidDocstackException e) {
            throw new ProjectUnbuildableException(project.name(), project.path(), e);
        } catch (ReleaseNotBuiltException e) {
            throw new ReleaseUnavailableException(e);
        }
    }

    /** @param plan how to build a {@code path:} project, planned already; null for the others */
    private ResolvedProject resolve(Stack stack, Stack.Project project, BuildPlan plan) throws Exception {
        long start = System.nanoTime();
        String image;
        String how;
        Manifest built = null;
        if (plan != null) {
            image = BUILDER.buildUnlessUnchanged(plan, engine, EngineLog.SILENT)
                    .tags()
                    .get(0);
            // The image was built from this manifest (it is among the build inputs), so its label need not be read.
            built = plan.manifest();
            how = "built from " + project.path();
        } else {
            image = project.image() != null
                    ? project.image()
                    : (stack.registry() == null ? "" : stack.registry().replaceAll("/+$", "") + "/") + project.name()
                            + ":" + stack.releaseOf(project);
            how = pullIfRemote(project, image);
        }
        if (!engine.hasImage(image)) {
            throw new ImageMissingException(project.name(), image);
        }
        ImageDetails details = engine.inspectImage(image);
        Manifest manifest = built != null ? built : manifestOf(project, image, details);
        // A pulled image is input like any other: its manifest gets the checks that confine what up writes.
        for (Manifest.Output output : manifest.outputs()) {
            if (!Manifest.Output.isConfined(output.file())) {
                throw new StackException(
                        "Project " + project.name() + ": the manifest in image " + image + " breaks rule "
                                + Rule.OUTPUT_PATH.id() + ": its output file '" + output.file()
                                + "' would be written outside the stack's"
                                + " directory. Nothing was started or written; use an image whose manifest passes validation");
            }
        }
        if (!manifest.name().equals(project.name())) {
            log.warn("Project " + project.name() + " runs image " + image + ", whose manifest calls it "
                    + manifest.name());
        }
        log.info("[resolve] " + project.name() + ": " + image + " (" + how + ", "
                + (System.nanoTime() - start) / 1_000_000 + " ms)");
        return new ResolvedProject(
                project.name(),
                image,
                details.id(),
                manifest,
                Readiness.ofImageTest(details.healthcheck()),
                StepInputs.read(details.labels().get(StepInputs.LABEL)),
                details.labels().get(ImageBuilder.RELEASE_LABEL));
    }

    /** The manifest an image carries in its label. */
    private static Manifest manifestOf(Stack.Project project, String image, ImageDetails details)
            throws StackException {
        String label = details.labels().get(ManifestJson.LABEL);
        if (label == null) {
            throw new StackException(
                    "Project " + project.name() + ": the image " + image + " carries no docstack manifest" + " (label "
                            + ManifestJson.LABEL + "). Build it with docstack:build, which adds it");
        }
        try {
            return ManifestJson.read(label);
        } catch (IllegalArgumentException e) {
            throw new StackException("Project " + project.name() + ": " + e.getMessage() + " (image " + image + ")", e);
        }
    }

    private String pullIfRemote(Stack.Project project, String image) throws StackException, EngineException {
        if (ImageReference.parse(image).registry() == null) {
            return "local";
        }
        try {
            puller.pull(image);
        } catch (RegistryException e) {
            throw new ImagePullFailedException(project.name(), image, e);
        }
        return "pulled";
    }

    private static <T> T unwrap(Future<T> future) throws StackException, EngineException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while resolving the stack's images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StackException stackException) {
                throw stackException;
            }
            if (cause instanceof EngineException engineException) {
                throw engineException;
            }
            throw new StackException("Resolving the stack failed: " + cause, cause);
        }
    }
}
