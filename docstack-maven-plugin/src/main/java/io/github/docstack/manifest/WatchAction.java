package io.github.docstack.manifest;

import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code docstack:watch} does when a watched file changes, as Compose's {@code develop.watch} names it. The one
 * home of the words a manifest writes. Declared from least to most done to the running containers: a burst of changes
 * whose rules differ gets the most any of them asks for.
 */
public enum WatchAction {
    /** Copy the changed files into the project's running containers. */
    SYNC("sync"),
    /**
     * Copy them, then run the rule's command in each of the project's containers (a server's own reload, say) and
     * wait until each is ready again.
     */
    SYNC_EXEC("sync+exec"),
    /** Copy them, then restart the project's containers and wait until each is ready again. */
    SYNC_RESTART("sync+restart"),
    /** Build the image through the cache and recreate what changed, as {@code up} does. */
    REBUILD("rebuild");

    private final String word;

    WatchAction(String word) {
        this.word = word;
    }

    /** As a manifest writes it. */
    public String word() {
        return word;
    }

    /** Whether the action copies files into running containers. */
    public boolean syncs() {
        return this != REBUILD;
    }

    public static Optional<WatchAction> of(String word) {
        return Arrays.stream(values())
                .filter(action -> action.word.equals(word))
                .findFirst();
    }

    /** The words, for messages and the reference: sync, sync+exec, sync+restart, rebuild. */
    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(WatchAction::word).toList());
    }
}
