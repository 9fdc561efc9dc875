package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.docstack.dockerfile.DockerIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context's fingerprint changes with what the build sees of it, and with nothing else. */
class BuildInputsTest {

    @TempDir
    Path dir;

    private Path context;

    @BeforeEach
    void context() throws IOException {
        context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
        Files.writeString(context.resolve("entrypoint.sh"), "#!/bin/sh\n");
        Files.writeString(context.resolve(".dockerignore"), "*.log\n");
        Files.createSymbolicLink(context.resolve("link"), Path.of("Dockerfile"));
    }

    @Test
    void anotherModificationTimeOrAnIgnoredFileIsTheSameContext() throws IOException {
        String before = fingerprint();

        Files.setLastModifiedTime(context.resolve("Dockerfile"), FileTime.fromMillis(12345));
        Files.writeString(context.resolve("build.log"), "left out\n");

        assertEquals(before, fingerprint(), "the archive holds a fixed time, and no ignored file");
    }

    @Test
    void contentPermissionsLinksAndNamesMakeAnotherContext() throws IOException {
        String original = fingerprint();

        Files.writeString(context.resolve("entrypoint.sh"), "#!/bin/bash\n");
        String content = fingerprint();
        Files.setPosixFilePermissions(context.resolve("entrypoint.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String permissions = fingerprint();
        Files.delete(context.resolve("link"));
        Files.createSymbolicLink(context.resolve("link"), Path.of("entrypoint.sh"));
        String link = fingerprint();
        Files.move(context.resolve("entrypoint.sh"), context.resolve("start.sh"));
        String name = fingerprint();

        assertEquals(5, Set.of(original, content, permissions, link, name).size());
    }

    @Test
    void anEmptyDirectoryIsPartOfTheContext() throws IOException {
        String before = fingerprint();

        Files.createDirectories(context.resolve("var/cache"));

        assertNotEquals(before, fingerprint(), "the archive holds the directory, and COPY creates it");
    }

    private String fingerprint() throws IOException {
        return HexFormat.of()
                .formatHex(BuildInputs.contextDigest(
                        ContextListing.of(context, DockerIgnore.of(context), Set.of(), Set.of()),
                        FileDigests.in(dir.resolve("digests"))));
    }
}
