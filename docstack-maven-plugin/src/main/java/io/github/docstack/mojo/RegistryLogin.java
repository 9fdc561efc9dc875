package io.github.docstack.mojo;

import io.github.docstack.engine.RegistryCredentials;
import io.github.docstack.image.CredentialSource;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * A registry's credentials as a Maven user keeps them: the settings.xml {@code <server>} whose id is the registry's
 * host[:port] (encrypted passwords included), else what {@code docker login} kept. Push and pull share it.
 */
final class RegistryLogin implements CredentialSource {

    private final MavenSession session;
    private final SettingsDecrypter decrypter;
    private final Log log;

    RegistryLogin(MavenSession session, SettingsDecrypter decrypter, Log log) {
        this.session = session;
        this.decrypter = decrypter;
        this.log = log;
    }

    @Override
    public RegistryCredentials forRegistry(String registry) throws IOException {
        Server server = session == null || session.getSettings() == null
                ? null
                : session.getSettings().getServer(registry);
        if (server != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            if (!result.getProblems().isEmpty()) {
                throw new IOException("The password of <server> " + registry + " in settings.xml cannot be decrypted: "
                        + result.getProblems().get(0).getMessage() + ". Check settings-security.xml");
            }
            Server decrypted = result.getServer();
            log.info("Registry " + registry + ": credentials of <server> " + registry + " from settings.xml");
            return new RegistryCredentials(decrypted.getUsername(), decrypted.getPassword());
        }
        RegistryCredentials fromDocker =
                CredentialSource.dockerConfig(System.getenv()).forRegistry(registry);
        if (fromDocker != null) {
            log.info("Registry " + registry + ": credentials from the Docker client's config");
        }
        return fromDocker;
    }
}
