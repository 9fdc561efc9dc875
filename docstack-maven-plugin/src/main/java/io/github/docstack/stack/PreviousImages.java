package io.github.docstack.stack;

import io.github.docstack.engine.Engine;
import io.github.docstack.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The images a deployment's units run, by id, so that watch can put the last good version back when a rebuild's new
 * containers do not get ready: the rebuild moved the project's tag to the new image, and up makes containers from the
 * tag, so pointing the tag back and bringing the previous deployment up again recreates exactly what had changed.
 */
public final class PreviousImages {

    private final Map<String, String> idByImage;

    private PreviousImages(Map<String, String> idByImage) {
        this.idByImage = idByImage;
    }

    /** Each image a unit of {@code deployment} runs, as the engine holds it now. */
    public static PreviousImages of(Deployment deployment, Engine engine) throws EngineException {
        Map<String, String> ids = new TreeMap<>();
        for (Deployment.Unit unit : deployment.units()) {
            String image = unit.spec().image();
            if (!ids.containsKey(image)) {
                ids.put(image, engine.inspectImage(image).id());
            }
        }
        return new PreviousImages(ids);
    }

    /**
     * Points each image name back at the image it named when this was taken.
     *
     * @return the names that had moved, which a rebuild gave to a new image
     */
    public List<String> restore(Engine engine) throws EngineException {
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, String> image : idByImage.entrySet()) {
            if (!engine.hasImage(image.getKey())
                    || !engine.inspectImage(image.getKey()).id().equals(image.getValue())) {
                engine.tag(image.getValue(), image.getKey());
                moved.add(image.getKey());
            }
        }
        return moved;
    }
}
