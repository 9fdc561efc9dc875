package io.github.docstack.image;

import io.github.docstack.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about a build that needs no engine: the validated manifest, the context, the tags, labels and
 * arguments. Made first, so a broken docstack/ directory is reported even where no engine runs.
 *
 * @param manifestText the manifest file's text, as validated: a build input (hashing the text needs no serialiser,
 *                   which a no-op up would otherwise load just to find nothing changed)
 * @param fileDigests where the context's file digests are remembered between builds ({@link FileDigests})
 * @param buildArgs  the build arguments that make the image what it is (they are among its build inputs)
 * @param labels     the image's labels, but for the manifest's own, which only a build writes (as the manifest's text,
 *                   it is a build input already)
 * @param buildProxy an HTTP proxy for what the build downloads (a package cache), or null; it is handed to the
 *                   build as Docker's predefined {@code http_proxy} argument, which changes nothing in the image
 *                   and is no build input
 */
public record BuildPlan(
        Manifest manifest,
        String manifestText,
        ImageReference name,
        List<String> references,
        List<String> tagNames,
        Path context,
        String dockerfileInContext,
        Set<String> neverSent,
        Path fileDigests,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        GitState git,
        String version,
        boolean noCache,
        boolean pull,
        String buildProxy) {

    /** The environment variable that names the build proxy, e.g. http://172.17.0.1:3142 for host-setup's apt-cacher-ng. */
    public static final String BUILD_PROXY_VARIABLE = "DOCSTACK_BUILD_PROXY";

    /** The arguments the engine gets: the build arguments, and the proxy as Docker's http_proxy, unless they set one. */
    public Map<String, String> engineBuildArgs() {
        if (buildProxy == null || buildArgs.containsKey("http_proxy")) {
            return buildArgs;
        }
        Map<String, String> args = new java.util.LinkedHashMap<>(buildArgs);
        args.put("http_proxy", buildProxy);
        return args;
    }
}
