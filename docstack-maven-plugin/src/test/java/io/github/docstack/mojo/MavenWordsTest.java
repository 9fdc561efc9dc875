package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.engine.EngineAddress;
import io.github.docstack.engine.EngineUnavailableException;
import io.github.docstack.engine.RegistryException;
import io.github.docstack.stack.ImageMissingException;
import io.github.docstack.stack.ImagePullFailedException;
import io.github.docstack.stack.PortTakenException;
import io.github.docstack.stack.StackException;
import io.github.docstack.stack.StepFailedException;
import org.junit.jupiter.api.Test;

/** The library says what happened; the Maven user also reads which goal or property helps. */
class MavenWordsTest {

    @Test
    void aTakenPortPointsAtThePortOffsetProperty() {
        assertEquals(
                "Port 7003 on 127.0.0.1, which clock/clock publishes, is already in use: stop what uses it, or run the"
                        + " stack with -Ddocstack.portOffset=1000 (every port moves by that much)",
                MavenWords.of(new PortTakenException(7003, "clock/clock")));
    }

    @Test
    void aFailedStepPointsAtStatusAndDown() {
        assertEquals(
                "keystone failed: exited with code 1\\nThe containers stay for inspection (mvn docstack:status, docker logs"
                        + " cloud-...); mvn docstack:down removes them.",
                MavenWords.of(new StepFailedException("cloud", "keystone failed: exited with code 1", null))
                        .replace("\n", "\\n"));
    }

    @Test
    void aMissingImagePointsAtTheBuildGoalAndAnyOtherFailureIsItsMessage() {
        assertEquals(
                "Project glance: there is no image glance:2024.1 in the local engine. Build it in the project, give the"
                        + " stack a registry: to pull from, or give the project a path: to build from its checkout (mvn docstack:build in"
                        + " the project builds it)",
                MavenWords.of(new ImageMissingException("glance", "glance:2024.1")));
        assertEquals("Stack cloud is locked", MavenWords.of(new StackException("Stack cloud is locked")));
    }

    @Test
    void anImageTheRegistryLacksPointsAtPushingItOrAskingForAnotherRelease() {
        assertEquals(
                "Project keystone: Pulling 127.0.0.1:5001/docstack/keystone:2025.1 failed: manifest unknown. The registry"
                        + " 127.0.0.1:5001 holds no such image or tag. Nothing was started: push that image to the"
                        + " registry first, or ask for a release or channel it holds (in the project, mvn"
                        + " docstack:build docstack:push -Ddocstack.release=RELEASE pushes it; here,"
                        + " -Ddocstack.release=RELEASE asks for another)",
                MavenWords.of(new ImagePullFailedException(
                        "keystone",
                        "127.0.0.1:5001/docstack/keystone:2025.1",
                        new RegistryException(
                                RegistryException.Kind.NOT_FOUND,
                                "Pulling 127.0.0.1:5001/docstack/keystone:2025.1 failed: manifest unknown. The"
                                        + " registry 127.0.0.1:5001 holds no such image or tag.",
                                null))));
    }

    @Test
    void anEngineThatDoesNotAnswerPointsAtTheDockerHostProperty() {
        String message = MavenWords.of(new EngineUnavailableException(
                new EngineAddress("unix:///run/x.sock", "from DOCKER_HOST"),
                new java.io.IOException("No such file or directory")));
        assertEquals(
                true,
                message.endsWith("or point DOCKER_HOST at an engine that runs. For one goal,"
                        + " -Ddocstack.dockerHost=ADDRESS does the same."),
                message);
    }
}
