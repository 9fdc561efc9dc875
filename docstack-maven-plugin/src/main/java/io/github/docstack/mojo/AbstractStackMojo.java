package io.github.docstack.mojo;

import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLoader;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the stack goals share: the stack file, read and checked with the same problem lines as validate. */
public abstract class AbstractStackMojo extends AbstractDocstackMojo {

    /** The stack file. */
    @Parameter(property = DocstackProperties.STACK, defaultValue = "${basedir}/stack.yaml")
    protected File stack;

    protected Stack loadStack() throws MojoFailureException {
        StackLoader.Result result = StackLoader.load(stack.toPath());
        ProblemPrinter.print(result.report(), baseDirectory(), getLog());
        if (result.stack() == null) {
            throw new MojoFailureException("The stack file " + shown(stack.toPath()) + " has " + result.report().summary()
                    + ": fix the errors listed above");
        }
        return result.stack();
    }
}
