package io.github.docstack.image;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.RegistryCredentials;
import io.github.docstack.engine.RegistryException;
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

    private void pushWithRetries(String reference, RegistryCredentials credentials, String registry) throws EngineException {
        for (int attempt = 1; ; attempt++) {
            try {
                engine.push(reference, credentials);
                return;
            } catch (RegistryException e) {
                if (e.kind() == RegistryException.Kind.UNAUTHORIZED || attempt >= retry.attempts()) {
                    throw explain(e, registry, attempt);
                }
                log.warn(e.getMessage() + " (attempt " + attempt + " of " + retry.attempts() + "; trying again in "
                        + retry.waitAfter(attempt).toMillis() + " ms)");
                sleep(retry.waitAfter(attempt));
            }
        }
    }

    private static RegistryException explain(RegistryException e, String registry, int attempts) {
        String advice = switch (e.kind()) {
            case UNAUTHORIZED -> " The registry " + registry + " refused the credentials: configure a <server> with"
                    + " <id>" + registry + "</id> in settings.xml, or run docker login " + registry + ".";
            case UNREACHABLE -> " Nothing answers at the registry " + registry + " (after " + attempts + " attempts):"
                    + " check that it runs and the address is right.";
            default -> " Gave up after " + attempts + " attempts.";
        };
        return new RegistryException(e.kind(), e.getMessage() + "." + advice, e);
    }

    private static void sleep(java.time.Duration wait) throws EngineException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting to retry a push", e);
        }
    }
}
