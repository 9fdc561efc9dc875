package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.docstack.dockerfile.DockerIgnore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {

    @TempDir
    Path dir;

    @Test
    void archiveHoldsEveryFileInSortedOrderWithExecutableBitsAndLinks() throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
        Path script = Files.writeString(
                Files.createDirectories(context.resolve("docstack")).resolve("entrypoint.sh"), "#!/bin/sh\n");
        script.toFile().setExecutable(true, false);
        Files.createSymbolicLink(context.resolve("link"), Path.of("Dockerfile"));

        Path archive = dir.resolve("context.tar");
        int files = ContextArchive.write(context, archive);

        Map<String, TarArchiveEntry> entries = entries(archive);
        assertEquals(2, files);
        assertEquals(
                java.util.List.of("Dockerfile", "docstack/", "docstack/entrypoint.sh", "link"),
                java.util.List.copyOf(entries.keySet()));
        assertEquals(0111, entries.get("docstack/entrypoint.sh").getMode() & 0111, "entrypoint stays executable");
        assertEquals(0, entries.get("Dockerfile").getMode() & 0111);
        assertEquals("Dockerfile", entries.get("link").getLinkName());
    }

    @Test
    void sameFilesGiveTheSameBytes() throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
        Path first = dir.resolve("first.tar");
        Path second = dir.resolve("second.tar");

        ContextArchive.write(context, first);
        Files.setLastModifiedTime(context.resolve("Dockerfile"), java.nio.file.attribute.FileTime.fromMillis(12345));
        ContextArchive.write(context, second);

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void dockerignoreIsHonouredButTheDockerfileAlwaysGoesAndOurOutputNever() throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve(".dockerignore"), "docstack/Dockerfile\n**/*.log\n");
        Files.createDirectories(context.resolve("docstack"));
        Files.writeString(context.resolve("docstack/Dockerfile"), "FROM debian:bookworm-slim\n");
        Files.writeString(context.resolve("app.log"), "x");
        Files.writeString(context.resolve("app.py"), "x");
        Files.createDirectories(context.resolve(".docstack"));
        Files.writeString(context.resolve(".docstack/build.json"), "{}");

        Path archive = dir.resolve("context.tar");
        ContextArchive.write(
                ContextListing.of(
                        context,
                        DockerIgnore.of(context),
                        java.util.Set.of("docstack/Dockerfile", ".dockerignore"),
                        java.util.Set.of(".docstack")),
                archive);

        assertEquals(
                java.util.List.of(".dockerignore", "app.py", "docstack/", "docstack/Dockerfile"),
                java.util.List.copyOf(entries(archive).keySet()));
    }

    @Test
    void filesCopiedIntoAContainerKeepTheirModificationTime() throws IOException {
        Path saved = Files.writeString(dir.resolve("discovery.py"), "'updated': '2026-11-29T00:00:01Z',\n");
        Files.setLastModifiedTime(saved, java.nio.file.attribute.FileTime.fromMillis(1_790_000_000_000L));
        Path archive = dir.resolve("sync.tar");

        ContextArchive.writeFiles(Map.of("usr/lib/keystone/api/discovery.py", saved), archive);

        // With the build context's fixed time, Python would take a same-sized change for the file it compiled.
        assertEquals(
                1_790_000_000_000L,
                entries(archive)
                        .get("usr/lib/keystone/api/discovery.py")
                        .getLastModifiedTime()
                        .toMillis());
    }

    @Test
    void missingContextIsAnErrorNamingIt() {
        Path missing = dir.resolve("nowhere");

        IOException failure =
                assertThrows(IOException.class, () -> ContextArchive.write(missing, dir.resolve("x.tar")));

        assertEquals("The build context " + missing + " is not a directory", failure.getMessage());
    }

    private static Map<String, TarArchiveEntry> entries(Path archive) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }
}
