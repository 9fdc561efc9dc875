package io.github.docstack.stack;

/** A project the stack runs by image has no image in the engine, and nowhere to pull one from. */
public class ImageMissingException extends StackException {

    public ImageMissingException(String project, String image) {
        super("Project " + project + ": there is no image " + image
                + " in the local engine. Build it in the project, give"
                + " the stack a registry: to pull from, or give the project a path: to build from its checkout");
    }
}
