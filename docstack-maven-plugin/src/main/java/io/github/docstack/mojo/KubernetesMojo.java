package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.kubernetes.KubernetesExport;
import io.github.docstack.kubernetes.KubernetesManifests;
import io.github.docstack.stack.ReadinessGate;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLock;
import io.github.docstack.stack.StackPreparer;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes the stack as Kubernetes manifests ({@code <output>/<stack>/kubernetes/}): per service a Deployment (a
 * StatefulSet where it has a volume) and a headless Service of its name, each provision and init step a Job, each
 * wait an init container (OpenStack-Helm's kubernetes-entrypoint), the secrets a Secret in its own 0600 file, each
 * volume a PersistentVolumeClaim; the acceptance tests as Jobs in {@code verify/}. The images must be where the
 * cluster can pull them: push them first ({@code docstack:push}).
 */
@Mojo(name = "kubernetes", requiresProject = false, threadSafe = true)
public class KubernetesMojo extends AbstractDeployingMojo {

    @Parameter(
            property = DocstackProperties.KUBERNETES_WAIT_IMAGE,
            defaultValue = KubernetesManifests.DEFAULT_WAIT_IMAGE)
    private String waitImage;

    @Parameter(
            property = DocstackProperties.KUBERNETES_VOLUME_SIZE,
            defaultValue = KubernetesManifests.DEFAULT_VOLUME_SIZE)
    private String volumeSize;

    @Inject
    public KubernetesMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException, EngineException {
        Engine engine = connectEngine(); // connects while the stack file is read
        Stack stackFile = loadStack(engine);
        try (engine;
                StackLock lock = lock(stackFile, engine, "kubernetes")) {
            StackPreparer.Prepared prepared = prepare(stackFile, engine, ReadinessGate.ENGINE);
            KubernetesExport.KubernetesFiles files = KubernetesExport.write(
                    prepared.deployment(),
                    prepared.secrets(),
                    outputDirectory().resolve(stackFile.name()).resolve("kubernetes"),
                    new KubernetesManifests.Options(waitImage, volumeSize));
            getLog().info("docstack:kubernetes wrote " + shown(files.stack()) + " and " + shown(files.secret())
                    + " (secrets, 0600)"
                    + (files.verify() != null ? ", and the acceptance tests in " + shown(files.verify()) : ""));
            files.unmapped().forEach(left -> getLog().warn("Not in the manifests: " + left));
            getLog().info("Run it with: kubectl apply -f " + shown(files.stack().getParent()) + "/");
        } catch (StackException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
