package io.github.docstack.image;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.RegistryCredentials;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Pushes every tag of a build, retrying passing failures with backoff, and reports the digest. Refused
 * credentials are not retried: another try cannot fix them.
 */
public final class ImagePusher {

    private final Engine engine;
    private final EngineLog log;
    private final RetryPolicy retry;

    public ImagePusher(Engine engine, EngineLog log, RetryPolicy retry) {
        this.engine = engine;
        this.log = log;
        this.retry = retry;
    }

    public PushedImage push(BuiltImage image, RegistryCredentials credentials) throws EngineException {
        String registry = ImageReference.parse(image.name()).registry();
        if (registry == null) {
            throw new EngineException(image.name() + " names no registry, so there is nowhere to push it: build it"
                    + " with a registry (docstack.registry, e.g. localhost:5000) and push again");
        }
        Set<String> digests = new LinkedHashSet<>();
        for (String reference : image.tags()) {
            pushWithRetries(reference, credentials, registry);
            String digest = engine.repoDigest(reference);
            digests.add(digest);
            log.info("Pushed " + reference + " " + digest);
        }
        return new PushedImage(image.name(), image.tags(), digests.iterator().next(), image.revision());
    }

    private void pushWithRetries(String reference, RegistryCredentials credentials, String registry)
            throws EngineException {
        RegistryRetries.run(retry, log, registry, () -> engine.push(reference, credentials));
    }
}
