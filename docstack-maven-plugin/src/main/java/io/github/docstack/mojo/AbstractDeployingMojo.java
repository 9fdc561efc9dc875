package io.github.docstack.mojo;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StackPreparer;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Parameter;

/** What up and compose share: resolving and wiring the stack, with its port offset. */
public abstract class AbstractDeployingMojo extends AbstractStackMojo {

    /** Moves every published port by this much, to run two stacks side by side. */
    @Parameter(property = DocstackProperties.PORT_OFFSET, defaultValue = "0")
    protected int portOffset;

    /** How many images are resolved (and steps run) at once. */
    @Parameter(property = DocstackProperties.PARALLELISM, defaultValue = "8")
    protected int parallelism;

    protected StackPreparer.Prepared prepare(Stack stackFile, Engine engine) throws StackException, EngineException, IOException {
        return StackPreparer.prepare(stackFile, engine, new MavenEngineLog(getLog()), portOffset, parallelism);
    }
}
