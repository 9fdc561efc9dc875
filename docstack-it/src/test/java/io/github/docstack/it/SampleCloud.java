package io.github.docstack.it;

import io.github.docstack.stack.Stack;
import io.github.docstack.stack.StackLoader;
import io.github.docstack.stack.StackRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sample cloud (docstack-it/cloud), copied into a test's own directory under a stack name of its own. */
final class SampleCloud {

    private SampleCloud() {}

    /**
     * Copies the sample cloud into {@code work}, renames its stack, and loads it.
     *
     * @param profiles the profiles to bring in, null for the stack file's own
     */
    static Stack load(Path work, String name, List<String> profiles) throws Exception {
        TestResources.copy("/cloud", work);
        Path stackFile = work.resolve("stack.yaml");
        Files.writeString(stackFile, Files.readString(stackFile).replace("name: cloud", "name: " + name));
        return StackLoader.load(stackFile).stack().withProfiles(profiles);
    }

    /** How long up took, and when each service was ready, for the test's log. */
    static void print(String name, StackRunner.UpReport report) {
        System.out.printf("[%s] up in %.1f s%n", name, report.seconds());
        report.services()
                .forEach(service -> System.out.printf(
                        "[%s]   %-18s ready at %5.1f s%n", name, service.service(), service.secondsToReady()));
    }
}
