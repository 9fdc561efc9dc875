package io.github.docstack.mojo;

import io.github.docstack.scaffold.Scaffold;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adds docstack to an existing project, Maven or not (an OpenStack project is Python): writes
 * {@code docstack/Dockerfile}, {@code docstack/docstack.yaml}, a placeholder service, {@code .dockerignore} and a
 * {@code Jenkinsfile}, from the same templates as the archetype. Never overwrites a file: when one exists it
 * names it and writes nothing. {@code mvn docstack:init -Ddocstack.serviceName=glance-api -Ddocstack.servicePort=9292}
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractDocstackMojo {

    /** The project to add docstack/ to. */
    @Parameter(property = DocstackProperties.PROJECT_DIRECTORY, defaultValue = "${basedir}")
    private File projectDirectory;

    /** The service's name (also the image's); default: the directory's name, made valid. */
    @Parameter(property = DocstackProperties.SERVICE_NAME)
    private String serviceName;

    /** The port the service listens on. */
    @Parameter(property = DocstackProperties.SERVICE_PORT, defaultValue = "8080")
    private int servicePort;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path project = projectDirectory.toPath().toAbsolutePath().normalize();
        String name = serviceName != null && !serviceName.isBlank()
                ? serviceName
                : Scaffold.Values.suggest(
                        project.getFileName() == null
                                ? "service"
                                : project.getFileName().toString());
        try {
            List<Path> written = Scaffold.write(project, new Scaffold.Values(name, servicePort, pluginVersion));
            getLog().info("docstack:init wrote " + written.size() + " files for service '" + name + "' on port "
                    + servicePort + ":");
            written.forEach(file -> getLog().info("  " + project.relativize(file)));
            getLog().info("Next: replace docstack/serve.pl with your service (adjust COPY, CMD and HEALTHCHECK in"
                    + " docstack/Dockerfile), declare what it needs under requires: in docstack/docstack.yaml, then run"
                    + " mvn docstack:validate and mvn docstack:build.");
        } catch (Scaffold.FileExistsException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Writing docstack/ into " + project + " failed: " + e.getMessage());
        }
    }
}
