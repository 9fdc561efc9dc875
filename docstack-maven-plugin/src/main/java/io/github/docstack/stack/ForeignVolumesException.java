package io.github.docstack.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * The stack's volumes hold data made with other secrets than the ones at hand: another checkout of the same stack
 * made them, or these secrets were deleted (a {@code git clean}) and the data kept. Starting would generate new
 * passwords the data does not know, so nothing starts.
 */
public class ForeignVolumesException extends StackException {

    private final List<String> volumes;
    private final Path secretsFile;

    public ForeignVolumesException(String stack, List<String> volumes, Path secretsFile) {
        super("The volumes " + String.join(", ", volumes) + " of stack " + stack
                + " hold data made with other secrets than "
                + (java.nio.file.Files.exists(secretsFile)
                        ? "those in " + secretsFile
                        : "any here (" + secretsFile + " does not exist)")
                + ": another checkout of the stack made them, or this one before its secrets were deleted");
        this.volumes = List.copyOf(volumes);
        this.secretsFile = secretsFile;
    }

    public List<String> volumes() {
        return volumes;
    }

    public Path secretsFile() {
        return secretsFile;
    }
}
