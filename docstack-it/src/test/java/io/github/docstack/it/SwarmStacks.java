package io.github.docstack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.stack.StackLabels;
import java.util.List;

/** What a stack on a Swarm leaves behind, found by its label. */
final class SwarmStacks {

    private SwarmStacks() {}

    /** Fails when a service, secret, network or volume labelled with {@code stack} is left. */
    static void assertGone(String stack) throws Exception {
        for (String kind : List.of("service", "secret", "network", "volume")) {
            assertEquals(
                    "",
                    Commands.run("docker", kind, "ls", "-q", "--filter", "label=" + StackLabels.STACK + "=" + stack)
                            .strip(),
                    "a " + kind + " of the stack is left");
        }
    }
}
