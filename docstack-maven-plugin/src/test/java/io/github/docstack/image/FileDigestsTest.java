package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.docstack.dockerfile.DockerIgnore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unchanged context is fingerprinted from remembered digests; anything changed is read again. */
class FileDigestsTest {

    // Files written by a test are seconds old at most: a scan a minute later takes them as settled.
    private final Instant later = Instant.now().plusSeconds(60);

    @TempDir
    Path dir;

    private Path context;
    private Path remembered;

    @BeforeEach
    void context() throws IOException {
        context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
        Files.writeString(Files.createDirectories(context.resolve("src")).resolve("app.py"), "print('one')\n");
        remembered = dir.resolve("output/file-digests/context");
    }

    @Test
    void aSecondScanOfAnUnchangedContextReadsNoFileAndGivesTheSameFingerprint() throws IOException {
        FileDigests first = FileDigests.in(remembered, later);
        byte[] fresh = BuildInputs.contextDigest(listing(), first);
        first.save();

        FileDigests second = FileDigests.in(remembered, later);
        byte[] fromMemory = BuildInputs.contextDigest(listing(), second);

        assertEquals(2, first.filesRead());
        assertEquals(0, second.filesRead());
        assertEquals(HexFormat.of().formatHex(fresh), HexFormat.of().formatHex(fromMemory));
    }

    @Test
    void aFileRewrittenWithItsSizeAndModificationTimeIsReadAgain() throws IOException {
        Path app = context.resolve("src/app.py");
        FileTime modified = Files.getLastModifiedTime(app);
        FileDigests first = FileDigests.in(remembered, later);
        BuildInputs.contextDigest(listing(), first);
        first.save();

        Files.writeString(app, "print('two')\n"); // the same size
        Files.setLastModifiedTime(app, modified); // and the same time: only the change time tells
        FileDigests second = FileDigests.in(remembered, later);
        String digest = second.sha256(entry("src/app.py"));

        assertEquals(1, second.filesRead());
        assertEquals(sha256("print('two')\n"), digest);
    }

    @Test
    void aFileChangedJustBeforeTheScanIsNotRemembered() throws IOException {
        // Changed within the last seconds: a second write in the same clock tick could leave its times as they are.
        FileDigests first = FileDigests.in(remembered, Instant.now());
        BuildInputs.contextDigest(listing(), first);
        first.save();

        FileDigests second = FileDigests.in(remembered, later);
        BuildInputs.contextDigest(listing(), second);

        assertEquals(2, second.filesRead());
    }

    @Test
    void aFileDocstackDidNotWriteIsNotTrusted() throws IOException {
        Files.createDirectories(remembered.getParent());
        Files.writeString(remembered, "not docstack's\n");

        FileDigests digests = FileDigests.in(remembered, later);
        String digest = digests.sha256(entry("Dockerfile"));

        assertEquals(sha256("FROM debian:bookworm-slim\n"), digest);
        assertEquals(1, digests.filesRead());
    }

    private List<ContextListing.Entry> listing() throws IOException {
        return ContextListing.of(context, DockerIgnore.NONE, Set.of(), Set.of());
    }

    private ContextListing.Entry entry(String name) throws IOException {
        return ContextListing.entry(context.resolve(name), name);
    }

    private static String sha256(String text) {
        MessageDigest digest = BuildInputs.newDigest();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
