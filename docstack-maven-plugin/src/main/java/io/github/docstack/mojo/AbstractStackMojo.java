package io.github.docstack.mojo;

import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackLoader;
import java.io.File;
import java.util.Arrays;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the stack goals share: the stack file, read and checked with the same problem lines as validate. */
public abstract class AbstractStackMojo extends AbstractDocstackMojo {

    /** The stack file. */
    @Parameter(property = DocstackProperties.STACK, defaultValue = "${basedir}/stack.yaml")
    protected File stack;

    /**
     * The optional projects to bring in, by profile, comma-separated; {@code none} for only the projects without
     * a profile. Default: the stack file's {@code profiles:}.
     */
    @Parameter(property = DocstackProperties.PROFILES)
    protected String profiles;

    /** The stack file, with the projects of the active profiles. */
    protected Stack loadStack() throws MojoFailureException {
        StackLoader.Result result = StackLoader.load(stack.toPath());
        ProblemPrinter.print(result.report(), baseDirectory(), getLog());
        if (result.stack() == null) {
            throw new MojoFailureException("The stack file " + shown(stack.toPath()) + " has " + result.report().summary()
                    + ": fix the errors listed above");
        }
        try {
            Stack selected = result.stack().withProfiles(profiles == null || profiles.isBlank() ? null
                    : Arrays.stream(profiles.split(",")).map(String::strip).filter(profile -> !profile.isEmpty()).toList());
            if (!selected.profiles().isEmpty()) {
                getLog().info("Profiles " + String.join(", ", selected.profiles()) + " (" + selected.projects().size() + " of "
                        + result.stack().projects().size() + " projects; -D" + DocstackProperties.PROFILES + "=... picks others)");
            }
            return selected;
        } catch (StackException e) {
            throw new MojoFailureException(e.getMessage() + ". Set -D" + DocstackProperties.PROFILES + " accordingly");
        }
    }
}
