package io.github.docstack.manifest;

import static io.github.docstack.manifest.BadInputCorpusTest.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Dockerfile rule fires on its bad example and is silent on the fixed one. */
class LintRulesTest {

    @TempDir
    Path project;

    private ValidationReport dockerfile(String text) throws IOException {
        return DocstackDirectory.in(project).dockerfile(text).validate();
    }

    private static List<String> rules(ValidationReport report) {
        return report.problems().stream().map(problem -> problem.rule().id()).toList();
    }

    @Test
    void goodDirectoryHasNoProblemAtAll() throws IOException {
        assertEquals(List.of(), DocstackDirectory.in(project).validate().problems());
    }

    @Test
    void noFrom() throws IOException {
        assertReported(dockerfile("RUN echo hi\n"), "no-from", "1:1");
        assertReported(dockerfile("# just a comment\n"), "no-from", "1:1");
    }

    @Test
    void argBeforeFromIsAllowed() throws IOException {
        String text = "ARG BASE=debian:bookworm-slim\n"
                + DocstackDirectory.GOOD_DOCKERFILE.replace("FROM debian:bookworm-slim", "FROM ${BASE}");
        assertEquals(List.of(), rules(dockerfile(text)));
    }

    @Test
    void unknownInstructionSuggestsTheNearestOne() throws IOException {
        ValidationReport report = dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "COPPY a b\n");
        assertReported(report, "unknown-instruction", "8:1");
        assertTrue(
                report.problems().get(0).message().contains("did you mean COPY?"),
                report.problems().get(0).message());
    }

    @Test
    void copySourceMissingSuggestsASibling() throws IOException {
        ValidationReport report = dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "COPY docstack/serve.hs /x\n");
        assertReported(report, "copy-source-missing", "8:1");
        assertTrue(
                report.problems().get(0).message().contains("did you mean docstack/serve.sh?"),
                report.problems().get(0).message());
    }

    @Test
    void copyGlobThatMatchesNothing() throws IOException {
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "COPY docstack/*.conf /etc/\n"),
                "copy-source-missing",
                "8:1");
        assertEquals(List.of(), rules(dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "COPY docstack/*.sh /bin/\n")));
    }

    @Test
    void copySourceOutsideTheContext() throws IOException {
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "COPY ../secrets.txt /x\n"),
                "copy-source-outside-context",
                "8:1");
        // A leading '/' means the context root, not the host's.
        assertEquals(List.of(), rules(dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "COPY /docstack/serve.sh /x\n")));
    }

    @Test
    void copySourceExcludedByDockerignore() throws IOException {
        DocstackDirectory directory = DocstackDirectory.in(project).file(".dockerignore", "docstack/*.sh\n");
        assertReported(directory.validate(), "copy-source-ignored", "3:1");
        directory.file(".dockerignore", "docstack/*.sh\n!docstack/serve.sh\n");
        assertEquals(List.of(), rules(directory.validate()));
    }

    @Test
    void copyFromUnknownStage() throws IOException {
        String text = "FROM debian:bookworm-slim AS build\nRUN true\n" + DocstackDirectory.GOOD_DOCKERFILE
                + "COPY --from=biuld /a /b\n";
        ValidationReport report = dockerfile(text);
        assertReported(report, "unknown-stage", "10:1");
        assertTrue(
                report.problems().get(0).message().contains("did you mean 'build'?"),
                report.problems().get(0).message());
        assertEquals(List.of(), rules(dockerfile(text.replace("biuld", "build"))));
        assertEquals(
                List.of(), rules(dockerfile(text.replace("biuld", "busybox:1.36"))), "an image with a tag is fine");
        assertReported(dockerfile(text.replace("biuld", "1")), "unknown-stage", "10:1");
    }

    @Test
    void baseImageUntaggedOrLatest() throws IOException {
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("debian:bookworm-slim", "debian")),
                "base-image-unpinned",
                "1:1");
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("debian:bookworm-slim", "debian:latest")),
                "base-image-unpinned",
                "1:1");
        assertEquals(
                List.of(),
                rules(dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace(
                        "debian:bookworm-slim", "localhost:5000/debian@sha256:" + "a".repeat(64)))),
                "a registry port is not a tag, a digest pins");
    }

    @Test
    void addOfAUrl() throws IOException {
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "ADD https://example.org/x.tgz /x.tgz\n"),
                "add-url",
                "8:1");
    }

    @Test
    void eachAddedLinuxCapabilityIsNamedAndCanBeAcknowledged() throws IOException {
        DocstackDirectory directory = DocstackDirectory.in(project)
                .manifest(DocstackDirectory.GOOD_MANIFEST + "    cap_add: [NET_ADMIN, NET_RAW]\n");
        ValidationReport report = directory.validate();
        assertReported(report, "cap-add", "8:15");
        assertReported(report, "cap-add", "8:26");
        assertTrue(
                report.problems().get(0).message().contains("NET_ADMIN"),
                report.problems().get(0).message());

        assertEquals(
                List.of(),
                rules(directory
                        .manifest(DocstackDirectory.GOOD_MANIFEST + "    cap_add: [NET_ADMIN]\nignore: [cap-add]\n")
                        .validate()));
    }

    @Test
    void aShownOutputMayNotCarryASecretIntoTheLog() throws IOException {
        String shown =
                "outputs:\n  - file: dashboard.url\n    title: Dashboard\n    content: \"http://${public.api.9292}/\"\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + shown)
                        .validate()));

        String secret = "outputs:\n  - file: admin.txt\n    title: Admin\n    content: \"${stack.admin_password}\"\n";
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + secret)
                        .validate(),
                "shown-secret",
                "11:14");
    }

    @Test
    void withValuesAreWordsAProvisionCommandCannotMisread() throws IOException {
        String safe = "requires:\n  - capability: database\n    with: {databases: \"nova_api nova_cell0\","
                + " url: \"http://${internal.api.9292}/v3/%(project_id)s\"}\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + safe)
                        .validate()));

        String injected =
                "requires:\n  - capability: database\n    with: {databases: \"x`; DROP DATABASE keystone; `\"}\n";
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + injected)
                        .validate(),
                "with-value",
                "10:23");
        String escapedDollar = "requires:\n  - capability: database\n    with: {databases: \"x$$y\"}\n";
        assertEquals(
                List.of("with-value"),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + escapedDollar)
                        .validate()),
                "$$ renders as $, which up refuses: validate says so first");
        String badKey = "requires:\n  - capability: database\n    with: {data-bases: x}\n";
        assertEquals(
                List.of("invalid-env-name"),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + badKey)
                        .validate()));
    }

    @Test
    void aSecretOnACommandLineIsRefusedAndTheEnvironmentIsTheWayIn() throws IOException {
        String onCommandLine =
                "init:\n  - name: bootstrap\n    command: [keystone-manage, bootstrap, --bootstrap-password,"
                        + " \"${stack.admin_password}\"]\n";
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + onCommandLine)
                        .validate(),
                "secret-on-command-line",
                "10:65");
        String shellForm = "init:\n  - name: bootstrap\n    command: \"mariadb -p${stack.admin_password}\"\n";
        assertEquals(
                List.of("secret-on-command-line"),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + shellForm)
                        .validate()));

        String inEnvironment = "init:\n  - name: bootstrap\n    command: [keystone-manage, bootstrap]\n"
                + "    environment: {OS_BOOTSTRAP_PASSWORD: \"${stack.admin_password}\"}\n"
                + "provides:\n  - capability: kv\n    provision: {command: [provision], environment: {ADMIN: \"${stack.admin_password}\","
                + " MINE: \"${secret}\"}}\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + inEnvironment)
                        .validate()));
    }

    @Test
    void anOutputStaysInsideTheStacksDirectory() throws IOException {
        String nested = "outputs:\n  - file: openstack/clouds.yaml\n    content: x\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + nested)
                        .validate()));

        for (String file : List.of("../pwned", "/etc/cron.d/x", "a/../../b")) {
            String escaping = "outputs:\n  - file: \"" + file + "\"\n    content: x\n";
            assertReported(
                    DocstackDirectory.in(project)
                            .manifest(DocstackDirectory.GOOD_MANIFEST + escaping)
                            .validate(),
                    "output-path",
                    "9:11");
        }
    }

    @Test
    void aWatchRuleNamesAPathInTheContextAnActionAndWhereASyncCopiesTo() throws IOException {
        String good =
                "watch:\n  - {path: lib, action: sync+restart, target: /srv}\n  - {path: docs, action: rebuild}\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + good)
                        .validate()));

        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + "watch:\n  - {path: ../lib, action: rebuild}\n")
                        .validate(),
                "watch-rule",
                "9:12");
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST
                                + "watch:\n  - {path: lib, action: restart, target: /srv}\n")
                        .validate(),
                "watch-rule",
                "9:25");
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + "watch:\n  - {path: lib, action: sync}\n")
                        .validate(),
                "watch-rule",
                "9:25");
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST
                                + "watch:\n  - {path: lib, action: sync, target: srv}\n")
                        .validate(),
                "watch-rule",
                "9:39");
    }

    @Test
    void aSyncExecRuleHasTheCommandItRunsAndNoOtherRuleHasOne() throws IOException {
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST
                                + "watch:\n  - {path: lib, action: sync+exec, target: /srv, exec: [kill, -HUP, '1']}\n")
                        .validate()));
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST
                                + "watch:\n  - {path: lib, action: sync+exec, target: /srv}\n")
                        .validate(),
                "watch-rule",
                "9:25");
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST
                                + "watch:\n  - {path: lib, action: sync+restart, target: /srv, exec: [reload]}\n")
                        .validate(),
                "watch-rule",
                "9:59");
    }

    @Test
    void anInitStepsInputsAreFilesOfTheBuildContext() throws IOException {
        String step = "init:\n  - {name: db-sync, command: [migrate], inputs: [%s]}\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + step.formatted("db/migrations"))
                        .validate()));
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + step.formatted("/src/db"))
                        .validate(),
                "step-inputs",
                "9:50");
        assertReported(
                DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + step.formatted("../db"))
                        .validate(),
                "step-inputs",
                "9:50");
    }

    @Test
    void aReleaseIsNamedAsTheTagOfItsImage() throws IOException {
        String releases = "build:\n  releases:\n    \"2026.2\": {args: {DEBIAN_SUITE: sid}}\n    %s: {}\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(DocstackDirectory.GOOD_MANIFEST + releases.formatted("zed"))
                        .validate()));
        for (String reserved : List.of("latest", "milestone", "dev", "git-0123", "'-rc'")) {
            assertReported(
                    DocstackDirectory.in(project)
                            .manifest(DocstackDirectory.GOOD_MANIFEST + releases.formatted(reserved))
                            .validate(),
                    "release-name",
                    "11:5");
        }
    }

    @Test
    void runsAsRoot() throws IOException {
        assertReported(dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("USER app\n", "")), "runs-as-root", "1:1");
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("USER app", "USER 0:0")), "runs-as-root", "4:1");
        String serviceUser = DocstackDirectory.GOOD_MANIFEST + "    user: keystone\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(serviceUser)
                        .dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("USER app\n", ""))
                        .validate()));
    }

    @Test
    void secretLookingEnvAndArg() throws IOException {
        assertReported(dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "ENV DB_PASSWORD=x\n"), "secret-in-env", "8:1");
        assertReported(dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "ARG api_key\n"), "secret-in-env", "8:1");
        assertReported(dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "ENV OS_TOKEN value\n"), "secret-in-env", "8:1");
    }

    @Test
    void manifestPortNotExposed() throws IOException {
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("EXPOSE 9292", "EXPOSE 8080")),
                "port-not-exposed",
                "7:13");
        assertEquals(
                List.of(),
                rules(dockerfile(DocstackDirectory.GOOD_DOCKERFILE.replace("EXPOSE 9292", "EXPOSE 9290-9299/tcp"))));
    }

    @Test
    void serviceWithPortsButNoHealthcheck() throws IOException {
        String noCheck = DocstackDirectory.GOOD_DOCKERFILE.replace("HEALTHCHECK --interval=1s CMD [\"true\"]\n", "");
        assertReported(dockerfile(noCheck), "no-healthcheck", "5:3");
        String manifestCheck =
                DocstackDirectory.GOOD_MANIFEST + "    healthcheck: {command: [curl, -f, localhost:9292]}\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(manifestCheck)
                        .dockerfile(noCheck)
                        .validate()));
    }

    @Test
    void buildkitOnlyFeatures() throws IOException {
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "RUN <<EOF\necho hi\nEOF\n"), "needs-buildkit", "8:1");
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "RUN --mount=type=cache,target=/root echo\n"),
                "needs-buildkit",
                "8:1");
    }

    @Test
    void unclosedHeredocIsASyntaxError() throws IOException {
        assertReported(
                dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "RUN <<EOF\necho hi\n"), "dockerfile-syntax", "8:1");
    }

    @Test
    void suppressionByCommentManifestAndParameter() throws IOException {
        String addUrl = DocstackDirectory.GOOD_DOCKERFILE + "# docstack:ignore add-url\nADD https://example.org/x /x\n";
        assertEquals(List.of(), rules(dockerfile(addUrl)), "comment on the line before");
        String notBefore =
                DocstackDirectory.GOOD_DOCKERFILE + "# docstack:ignore add-url\n\nADD https://example.org/x /x\n";
        assertEquals(List.of("add-url"), rules(dockerfile(notBefore)), "a blank line ends the comment's reach");

        String manifest = DocstackDirectory.GOOD_MANIFEST + "ignore: [add-url]\n";
        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .manifest(manifest)
                        .dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "ADD https://example.org/x /x\n")
                        .validate()));

        assertEquals(
                List.of(),
                rules(DocstackDirectory.in(project)
                        .dockerfile(DocstackDirectory.GOOD_DOCKERFILE + "ADD https://example.org/x /x\n")
                        .validate("add-url")));
    }

    @Test
    void unreadableFilesCannotBeSuppressed() throws IOException {
        ValidationReport report =
                DocstackDirectory.in(project).manifest("a: [\n").validate("yaml-syntax");
        assertEquals(List.of("yaml-syntax"), rules(report));
    }
}
