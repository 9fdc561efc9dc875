package io.github.docstack.manifest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes and mutated valid manifests and Dockerfiles, for a bounded time: the validator must always
 * answer with problems, never throw and never hang. The seed is printed; rerun one with
 * {@code -Ddocstack.fuzz.seed=N}, run longer with {@code -Ddocstack.fuzz.seconds=N}.
 */
class ValidatorFuzzTest {

    private static final String MANIFEST = """
            apiVersion: docstack/v1
            name: glance
            description: OpenStack Image service
            build: {context: .., args: {RELEASE: "2025.2"}}
            requires:
              - capability: database
              - capability: identity
                with: {service_type: image, endpoint: "${internal.glance-api.9292}"}
            provides:
              - capability: images
                provision: {command: [provision, "${with.project}"]}
                exports: {IMAGE_URL: "http://${internal.glance-api.9292}", USER: "${consumer}", PASS: "${secret}"}
            init:
              - name: db-sync
                command: [glance-manage, db_sync]
            services:
              glance-api:
                command: [glance-api]
                ports: [9292]
                healthcheck: {command: [curl, -fsS, "http://localhost:9292/healthcheck"], interval: 1s, retries: 120}
                volumes: {images: /var/lib/glance/images}
            outputs:
              - file: glance.txt
                content: "${public.glance-api.9292} for ${stack.name}"
            ignore: [runs-as-root]
            """;
    private static final String DOCKERFILE = """
            # syntax=docker/dockerfile:1
            ARG BASE=debian:bookworm-slim
            FROM ${BASE} AS build
            RUN apt-get update \\
            # comment
                && apt-get install -y glance
            COPY --from=build --chown=glance docstack/serve.sh /usr/local/bin/
            FROM debian:bookworm-slim
            COPY ["docstack/serve.sh", "/srv/"]
            ENV A=1 B="two words"
            EXPOSE 9292/tcp
            HEALTHCHECK --interval=1s CMD ["curl", "-f", "http://localhost:9292/"]
            USER glance
            CMD glance-api --config-file /etc/glance/glance-api.conf
            """;
    private static final String SPECIAL = ":{}[]-#&*!|>'\"%@`\\$\t\n\r ,?~=.\u00e9\u0000\uFEFF";

    @TempDir
    Path project;

    @Test
    void validatorAlwaysAnswersWithProblems() throws IOException {
        long seed = Long.getLong("docstack.fuzz.seed", System.nanoTime());
        long seconds = Long.getLong("docstack.fuzz.seconds", 5);
        Random random = new Random(seed);
        Path docstack = Files.createDirectories(project.resolve("docstack"));
        Files.writeString(docstack.resolve("serve.sh"), "#!/bin/sh\n");
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int runs = 0;
        while (System.nanoTime() < deadline) {
            byte[] manifest = random.nextInt(10) == 0 ? randomBytes(random) : mutate(MANIFEST, random);
            byte[] dockerfile = random.nextInt(10) == 0 ? randomBytes(random) : mutate(DOCKERFILE, random);
            Files.write(docstack.resolve("docstack.yaml"), manifest);
            Files.write(docstack.resolve("Dockerfile"), dockerfile);
            long start = System.nanoTime();
            try {
                ValidationReport report = DocstackValidator.validate(docstack, List.of());
                assertNotNull(report.problems());
            } catch (RuntimeException | StackOverflowError e) {
                fail(
                        "seed " + seed + ", run " + runs + ": the validator threw on\n--- manifest\n"
                                + new String(manifest, StandardCharsets.UTF_8) + "\n--- Dockerfile\n"
                                + new String(dockerfile, StandardCharsets.UTF_8),
                        e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, "seed " + seed + ", run " + runs + " took " + millis + " ms");
            runs++;
        }
        System.out.println("[fuzz] seed " + seed + ": " + runs + " inputs in " + seconds + " s, no exception");
        assertTrue(runs > 100, "too few runs to mean anything: " + runs);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A few edits of the kind people and tools make: characters, lines, indentation. */
    private static byte[] mutate(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text.insert(at, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(20)));
                case 2 -> text.setCharAt(at, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                case 3 -> text.insert(at, "  ");
                case 4 -> {
                    List<String> lines =
                            new ArrayList<>(Arrays.asList(text.toString().split("\n", -1)));
                    int line = random.nextInt(lines.size());
                    lines.add(random.nextInt(lines.size()), lines.get(line));
                    text.setLength(0);
                    text.append(String.join("\n", lines));
                }
                case 5 -> {
                    List<String> lines =
                            new ArrayList<>(Arrays.asList(text.toString().split("\n", -1)));
                    java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
                    text.setLength(0);
                    text.append(String.join("\n", lines));
                }
                default -> text.insert(at, "${" + "internal.x".substring(0, random.nextInt(11)));
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
