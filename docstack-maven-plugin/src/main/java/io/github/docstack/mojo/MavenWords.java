package io.github.docstack.mojo;

import io.github.docstack.engine.EngineTimeoutException;
import io.github.docstack.engine.EngineUnavailableException;
import io.github.docstack.engine.RegistryException;
import io.github.docstack.image.InvalidDocstackException;
import io.github.docstack.stack.ImageMissingException;
import io.github.docstack.stack.ImagePullFailedException;
import io.github.docstack.stack.PortTakenException;
import io.github.docstack.stack.ProjectUnbuildableException;
import io.github.docstack.stack.ReleaseUnavailableException;
import io.github.docstack.stack.StackNotUpException;
import io.github.docstack.stack.StepFailedException;

/**
 * What a failure of the library means to someone at Maven's command line: its message, and for the failures that
 * have one, the goal or property that helps. The library names no goal or property; this is their one home.
 */
final class MavenWords {

    private MavenWords() {}

    static String of(Exception failure) {
        String message = failure.getMessage();
        if (failure instanceof PortTakenException) {
            return message + ": stop what uses it, or run the stack with -D" + DocstackProperties.PORT_OFFSET
                    + "=1000 (every port moves by that much)";
        }
        if (failure instanceof StepFailedException failed) {
            return message + "\nThe containers stay for inspection (mvn docstack:status, docker logs " + failed.stack()
                    + "-...); mvn docstack:down removes them.";
        }
        if (failure instanceof ProjectUnbuildableException) {
            return message + " (mvn docstack:validate there checks it again)";
        }
        if (failure instanceof ReleaseUnavailableException) {
            return message + " (-D" + DocstackProperties.RELEASE + "=RELEASE asks for another release; -D"
                    + DocstackProperties.PROFILES + " picks which optional projects come)";
        }
        if (failure instanceof ImagePullFailedException pull && pull.kind() == RegistryException.Kind.NOT_FOUND) {
            return message + " (in the project, mvn docstack:build docstack:push -D" + DocstackProperties.RELEASE
                    + "=RELEASE pushes it; here, -D" + DocstackProperties.RELEASE + "=RELEASE asks for another)";
        }
        if (failure instanceof ImageMissingException) {
            return message + " (mvn docstack:build in the project builds it)";
        }
        if (failure instanceof InvalidDocstackException) {
            return message + " (mvn docstack:validate in the project shows every problem)";
        }
        if (failure instanceof StackNotUpException) {
            return message + ": bring it up first, mvn docstack:up docstack:verify";
        }
        if (failure instanceof EngineTimeoutException timeout) {
            return message + " If the engine is only slow, give it longer with -D" + DocstackProperties.ENGINE_TIMEOUT
                    + "=SECONDS (now " + timeout.bound().toSeconds() + ").";
        }
        if (failure instanceof EngineUnavailableException) {
            return message + " For one goal, -D" + DocstackProperties.DOCKER_HOST + "=ADDRESS does the same.";
        }
        return message;
    }
}
