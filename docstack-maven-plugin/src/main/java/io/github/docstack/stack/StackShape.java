package io.github.docstack.stack;

import io.github.docstack.manifest.Shape;
import io.github.docstack.manifest.Shape.Fields;
import io.github.docstack.manifest.Shape.ListOf;
import io.github.docstack.manifest.Shape.Value;
import io.github.docstack.manifest.Shape.ValueType;
import java.util.List;

/** The grammar of a stack file ({@code stack.yaml}), apiVersion {@code docstack/v1}, kind {@code Stack}. */
public final class StackShape {

    private static final Shape PROFILE = new Value("A profile's name, e.g. compute.", ValueType.TEXT);

    private static final Shape PROJECT = new Shape.Either(
            "A project of the stack: its image name, or a mapping.",
            new Value("The project's image name, e.g. keystone.", ValueType.TEXT),
            new Fields(
                    "A project with details.",
                    List.of(
                            new Shape.Field(
                                    "name", new Value("The project's image name, e.g. glance.", ValueType.TEXT), true),
                            new Shape.Field(
                                    "path",
                                    new Value(
                                            "Build it from this checkout (relative to the stack file) instead of pulling.",
                                            ValueType.TEXT),
                                    false),
                            new Shape.Field(
                                    "image",
                                    new Value(
                                            "Exact image reference, e.g. localhost:5000/docstack/glance@sha256:...",
                                            ValueType.TEXT),
                                    false),
                            new Shape.Field(
                                    "release",
                                    new Value(
                                            "This project's release, over the stack's: latest, milestone, a series such as 2025.2, or a"
                                                    + " tag. A path: project builds it from its build.releases.",
                                            ValueType.TEXT),
                                    false),
                            new Shape.Field(
                                    "profiles",
                                    new ListOf(
                                            "Optional project: it is part of the stack only when one of these profiles is"
                                                    + " active (the stack's profiles, or -Ddocstack.profiles).",
                                            PROFILE),
                                    false),
                            new Shape.Field(
                                    "node",
                                    new Value(
                                            "On a Swarm (-Ddocstack.target=swarm): the node, by hostname, that runs this"
                                                    + " project's services and steps. Its named volumes live there, so a project with data needs one."
                                                    + " A lone engine runs everything itself.",
                                            ValueType.TEXT),
                                    false))));

    private static final Shape STACK = new Fields(
            "A docstack stack: the projects a cloud is made of.",
            List.of(
                    new Shape.Field("apiVersion", new Value("Always docstack/v1.", ValueType.TEXT), true),
                    new Shape.Field("kind", new Value("Always Stack.", ValueType.TEXT), true),
                    new Shape.Field(
                            "name",
                            new Value(
                                    "The stack's name: prefixes its containers, network and volumes.", ValueType.TEXT),
                            true),
                    new Shape.Field(
                            "registry",
                            new Value(
                                    "Registry and namespace the images come from, e.g. localhost:5000/docstack; without it, from the local engine.",
                                    ValueType.TEXT),
                            false),
                    new Shape.Field(
                            "release",
                            new Value(
                                    "Release for every project: latest (default), milestone, a series such as 2025.2, or a tag;"
                                            + " -Ddocstack.release overrides it. Pulled images carry it as their tag, and a path:"
                                            + " project builds it from its build.releases.",
                                    ValueType.TEXT),
                            false),
                    new Shape.Field(
                            "profiles",
                            new ListOf(
                                    "The profiles active when -Ddocstack.profiles does not name others: projects"
                                            + " with one of them come up by default.",
                                    PROFILE),
                            false),
                    new Shape.Field(
                            "projects",
                            new ListOf(
                                    "The projects, in any order: docstack works out the order from what they require.",
                                    PROJECT),
                            true)));

    private StackShape() {}

    public static Shape stack() {
        return STACK;
    }
}
