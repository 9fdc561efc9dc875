package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import io.github.docstack.engine.EngineLog;
import java.io.IOException;
import java.nio.file.Path;

/** Resolves and wires a stack, with its secrets kept beside the stack file: what up and compose both start from. */
public final class StackPreparer {

    /** A wired stack, and the secrets it uses (saved). */
    public record Prepared(Deployment deployment, SecretStore secrets) {
    }

    private StackPreparer() {
    }

    /** The directory of a stack's secrets and outputs: {@code .docstack/<stack>/} beside the stack file. */
    public static Path stateDirectory(Stack stack) {
        return stack.file().getParent().resolve(".docstack").resolve(stack.name());
    }

    public static Prepared prepare(Stack stack, Engine engine, EngineLog log, int portOffset, int parallelism)
            throws StackException, EngineException, IOException {
        SecretStore secrets = new SecretStore(stateDirectory(stack).resolve("secrets.properties"));
        Deployment deployment = StackWiring.wire(stack, new StackResolver(engine, log, parallelism).resolve(stack), secrets, portOffset);
        secrets.save();
        return new Prepared(deployment, secrets);
    }
}
