package io.github.docstack.image;

import io.github.docstack.engine.RegistryCredentials;
import java.io.IOException;
import java.util.Map;

/** Where the credentials for a registry come from; null when there are none (an anonymous pull or push). */
@FunctionalInterface
public interface CredentialSource {

    RegistryCredentials forRegistry(String registry) throws IOException;

    /** What {@code docker login} kept: {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}. */
    static CredentialSource dockerConfig(Map<String, String> environment) {
        return registry -> DockerConfigCredentials.lookup(registry, DockerConfigCredentials.configFile(environment))
                .orElse(null);
    }
}
