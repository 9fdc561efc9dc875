package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.RegistryCredentials;
import io.github.docstack.image.BuiltImage;
import io.github.docstack.image.ImagePusher;
import io.github.docstack.image.ImageRecords;
import io.github.docstack.image.ImageReference;
import io.github.docstack.image.PushedImage;
import io.github.docstack.image.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes every tag of the image docstack:build made, and writes {@code image.json} (name, tags, digest,
 * revision) for later CI steps. Credentials come from the settings.xml {@code <server>} whose id is the
 * registry's host[:port] (encrypted passwords included), else from {@code ~/.docker/config.json} and its
 * credential helpers. Passing failures are retried with backoff.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, requiresProject = false, threadSafe = true)
public class PushMojo extends AbstractDocstackMojo {

    /** How many times to try each tag before giving up (refused credentials are not retried). */
    @Parameter(property = DocstackProperties.PUSH_ATTEMPTS, defaultValue = "4")
    private int attempts;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    private final SettingsDecrypter decrypter;

    @Inject
    public PushMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected void run() throws MojoExecutionException, EngineException {
        if (session != null && session.isOffline()) {
            throw new MojoExecutionException(
                    "Maven runs offline (-o), and docstack:push needs the registry: run it without -o");
        }
        Path buildFile = outputDirectory().resolve(ImageRecords.BUILD_FILE);
        if (!Files.isRegularFile(buildFile)) {
            throw new MojoExecutionException("There is no " + shown(buildFile)
                    + ": run docstack:build first (for example" + " mvn docstack:build docstack:push)");
        }
        try {
            BuiltImage image = ImageRecords.readBuild(buildFile);
            String registry = ImageReference.parse(image.name()).registry();
            RegistryCredentials credentials =
                    registry == null ? null : new RegistryLogin(session, decrypter, getLog()).forRegistry(registry);
            PushedImage pushed;
            try (Engine engine = connectEngine()) {
                pushed = new ImagePusher(
                                engine,
                                new MavenEngineLog(getLog()),
                                new RetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(8)))
                        .push(image, credentials);
            }
            Path imageFile = outputDirectory().resolve(ImageRecords.IMAGE_FILE);
            ImageRecords.write(imageFile, pushed);
            getLog().info("docstack:push " + pushed.name() + "@" + pushed.digest() + ", "
                    + pushed.tags().size() + " tags (" + shown(imageFile) + ")");
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }
}
