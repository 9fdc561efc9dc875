package io.github.docstack.stack;

import io.github.docstack.engine.ContainerSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The checkout a command acts for, as its containers name it: the id of its secrets and its state directory. A
 * container made by another checkout that still exists is that checkout's to take down.
 *
 * @param secretsId      the id of this checkout's secrets, or null when it has none (a fresh clone, after git clean)
 * @param stateDirectory this checkout's {@code .docstack/<stack>/}
 */
public record StackOwner(String secretsId, Path stateDirectory) {

    /** The owner of {@code stack} as its checkout has it now; reads the secrets' id, makes none. */
    public static StackOwner of(Stack stack) throws IOException {
        return new StackOwner(
                new SecretStore(StackPreparer.secretsFile(stack)).storedId(),
                StackPreparer.stateDirectory(stack).toAbsolutePath());
    }

    /**
     * The first container another checkout made and still keeps secrets for. A container whose checkout is gone
     * (its state directory deleted) belongs to no one else, and one made before docstack labelled owners passes.
     */
    public Optional<ContainerSummary> firstForeign(Collection<ContainerSummary> containers) {
        return containers.stream().filter(this::foreign).findFirst();
    }

    private boolean foreign(ContainerSummary container) {
        String owner = container.labels().get(StackLabels.SECRETS);
        String state = container.labels().get(StackLabels.STATE);
        if (owner == null || owner.equals(secretsId) || state == null) {
            return false;
        }
        Path ownerState = Path.of(state);
        return !ownerState.equals(stateDirectory) && Files.isDirectory(ownerState);
    }
}
