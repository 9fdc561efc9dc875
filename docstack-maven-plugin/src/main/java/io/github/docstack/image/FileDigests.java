package io.github.docstack.image;

import io.github.docstack.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of each file of a build context, remembered in a file by the file's size, modification time, change
 * time and inode, as git's index remembers them: a file whose four are as they were is not read again, so an
 * unchanged context of thousands of files costs a {@code stat} each. A file changed within the last seconds before
 * a scan is not remembered, since a second write in the same clock tick could leave all four as they were.
 */
final class FileDigests {

    private static final String HEADER = "docstack file digests 1";
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private record Known(long size, long modifiedNanos, long changedNanos, long inode, String sha256) {}

    private final Path file;
    private final Map<String, Known> known;
    private final Map<String, Known> seen = new HashMap<>();
    private final long scanStartNanos;
    private int filesRead;

    private FileDigests(Path file, Map<String, Known> known, Instant scanStart) {
        this.file = file;
        this.known = known;
        this.scanStartNanos = TimeUnit.SECONDS.toNanos(scanStart.getEpochSecond()) + scanStart.getNano();
    }

    /** The digests remembered in {@code file}; none when it is missing or not one docstack wrote. */
    static FileDigests in(Path file) throws IOException {
        return in(file, Instant.now());
    }

    /** As {@link #in(Path)}, for a scan that starts at {@code scanStart}: the racy window ends there. */
    static FileDigests in(Path file, Instant scanStart) throws IOException {
        Map<String, Known> known = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new FileDigests(file, known, scanStart);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return new FileDigests(file, known, scanStart);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", 6);
            try {
                known.put(
                        fields[5],
                        new Known(
                                Long.parseLong(fields[1]),
                                Long.parseLong(fields[2]),
                                Long.parseLong(fields[3]),
                                Long.parseLong(fields[4]),
                                fields[0]));
            } catch (RuntimeException e) {
                return new FileDigests(file, new HashMap<>(), scanStart); // not as written: trust none of it
            }
        }
        return new FileDigests(file, known, scanStart);
    }

    /** The SHA-256 of the file's content, in hex: remembered when its attributes are as they were, else read. */
    String sha256(ContextListing.Entry entry) throws IOException {
        Known before = known.get(entry.name());
        if (before != null
                && entry.changedNanos() >= 0
                && before.size() == entry.size()
                && before.modifiedNanos() == entry.modifiedNanos()
                && before.changedNanos() == entry.changedNanos()
                && before.inode() == entry.inode()) {
            seen.put(entry.name(), before);
            return before.sha256();
        }
        filesRead++;
        MessageDigest digest = BuildInputs.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(entry.path()), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (rememberable(entry)) {
            seen.put(
                    entry.name(),
                    new Known(entry.size(), entry.modifiedNanos(), entry.changedNanos(), entry.inode(), sha256));
        }
        return sha256;
    }

    /** How many files this scan read, for want of a remembered digest. */
    int filesRead() {
        return filesRead;
    }

    private boolean rememberable(ContextListing.Entry entry) {
        return entry.changedNanos() >= 0
                && entry.modifiedNanos() < scanStartNanos - RACY_NANOS
                && entry.changedNanos() < scanStartNanos - RACY_NANOS
                && entry.name().indexOf('\n') < 0;
    }

    /**
     * Writes what this scan found back, whole or not at all: the files it read, and those it found unchanged; a file
     * it did not meet is gone from the context and is forgotten. Nothing is written when nothing differs.
     */
    void save() throws IOException {
        if (seen.equals(known)) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        seen.forEach((name, digest) -> text.append(digest.sha256())
                .append('\t')
                .append(digest.size())
                .append('\t')
                .append(digest.modifiedNanos())
                .append('\t')
                .append(digest.changedNanos())
                .append('\t')
                .append(digest.inode())
                .append('\t')
                .append(name)
                .append('\n'));
        PrivateFiles.write(file, text.toString(), false);
    }
}
