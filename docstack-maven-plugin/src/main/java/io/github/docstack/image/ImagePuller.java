package io.github.docstack.image;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import io.github.docstack.engine.RegistryCredentials;
import java.io.IOException;

/** Pulls an image from its registry with the registry's credentials, as push does, retrying passing failures. */
public final class ImagePuller {

    private final Engine engine;
    private final EngineLog log;
    private final RetryPolicy retry;
    private final CredentialSource credentials;

    public ImagePuller(Engine engine, EngineLog log, RetryPolicy retry, CredentialSource credentials) {
        this.engine = engine;
        this.log = log;
        this.retry = retry;
        this.credentials = credentials;
    }

    /**
     * Pulls an image, with the registry's credentials when there are some, retrying what a registry may get over.
     *
     * @param reference {@code registry/repository:tag}
     */
    public void pull(String reference) throws EngineException {
        String registry = ImageReference.parse(reference).registry();
        RegistryCredentials login;
        try {
            login = registry == null ? null : credentials.forRegistry(registry);
        } catch (IOException e) {
            throw new EngineException("The credentials for " + registry + " cannot be read: " + e.getMessage(), e);
        }
        RegistryRetries.run(retry, log, registry, () -> engine.pull(reference, login));
    }
}
