package io.github.docstack.stack;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Volumes of the stack hold data that images of another release made: an up of Zed after one of 2026.2, say. The
 * newer services would migrate the data one way only, and a database server of another Debian suite may not read its
 * files at all, so nothing starts.
 */
public class VolumesOfAnotherReleaseException extends StackException {

    private final Map<String, String> madeBy;
    private final Map<String, String> asked;

    /**
     * @param madeBy each refused volume to the release its data was made by
     * @param asked  each volume to the release this up would run on it
     */
    public VolumesOfAnotherReleaseException(String stack, Map<String, String> madeBy, Map<String, String> asked) {
        super("The volumes of stack " + stack + " hold data of another OpenStack release than this up runs: "
                + madeBy.keySet().stream()
                        .map(volume -> volume + " holds " + madeBy.get(volume) + "'s, the images are "
                                + asked.get(volume) + "'s")
                        .collect(Collectors.joining("; ")));
        this.madeBy = Map.copyOf(madeBy);
        this.asked = Map.copyOf(asked);
    }

    /** The releases the data was made by, one name per release. */
    public List<String> dataReleases() {
        return madeBy.values().stream().distinct().sorted().toList();
    }

    public Map<String, String> madeBy() {
        return madeBy;
    }

    public Map<String, String> asked() {
        return asked;
    }
}
