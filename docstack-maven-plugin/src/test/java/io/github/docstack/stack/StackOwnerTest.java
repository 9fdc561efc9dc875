package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.docstack.engine.ContainerSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackOwnerTest {

    @TempDir
    Path checkouts;

    @Test
    void aContainerOfAnotherCheckoutThatStillExistsIsForeign() throws Exception {
        Path other = Files.createDirectories(checkouts.resolve("other/.docstack/demo"));
        ContainerSummary theirs = container("their-secrets", other);

        assertEquals(
                Optional.of(theirs),
                owner("my-secrets").firstForeign(List.of(container("my-secrets", mine()), theirs)));
    }

    @Test
    void aContainerWhoseCheckoutIsGoneBelongsToNoOneElse() {
        ContainerSummary orphan = container("their-secrets", checkouts.resolve("deleted/.docstack/demo"));

        assertTrue(owner("my-secrets").firstForeign(List.of(orphan)).isEmpty());
    }

    @Test
    void aCheckoutThatLostItsSecretsStillOwnsWhatItMade() throws Exception {
        Files.createDirectories(mine());
        ContainerSummary made = container("old-secrets", mine()); // git clean -fdx, then a fresh secrets file or none

        assertTrue(owner(null).firstForeign(List.of(made)).isEmpty());
    }

    @Test
    void containersMadeBeforeOwnersWereLabelledPass() {
        ContainerSummary unlabelled = new ContainerSummary(
                "id",
                "demo-clock",
                "clock:dev",
                "sha256:1",
                List.of(),
                "running",
                "Up",
                Map.of(StackLabels.STACK, "demo"));

        assertTrue(owner("my-secrets").firstForeign(List.of(unlabelled)).isEmpty());
    }

    private Path mine() {
        return checkouts.resolve("mine/.docstack/demo");
    }

    private StackOwner owner(String secretsId) {
        return new StackOwner(secretsId, mine());
    }

    private static ContainerSummary container(String secretsId, Path state) {
        return new ContainerSummary(
                "id-" + secretsId,
                "demo-clock",
                "clock:dev",
                "sha256:1",
                List.of(),
                "running",
                "Up",
                Map.of(StackLabels.STACK, "demo", StackLabels.SECRETS, secretsId, StackLabels.STATE, state.toString()));
    }
}
