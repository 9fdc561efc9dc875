package io.github.docstack.image;

import io.github.docstack.dockerfile.DockerIgnore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs a build context directory into the tar the engine's build API takes. Entries are written in sorted
 * order with a fixed modification time, so the same files always give the same archive. Symbolic links are
 * kept as links, as {@code docker build} keeps them.
 */
public final class ContextArchive {

    // Docker's build cache ignores mtimes, so a fixed one costs nothing and makes archives repeatable.
    private static final FileTime FIXED_TIME = FileTime.fromMillis(0);

    private ContextArchive() {}

    /**
     * Writes {@code contextDirectory} as a tar to {@code archive}, every file in it.
     *
     * @return the number of files written
     */
    public static int write(Path contextDirectory, Path archive) throws IOException {
        return write(ContextListing.of(contextDirectory, DockerIgnore.NONE, Set.of(), Set.of()), archive);
    }

    /**
     * Writes the context's entries as sent ({@link ContextListing}) as a tar to {@code archive}.
     *
     * @return the number of files written
     */
    static int write(List<ContextListing.Entry> entries, Path archive) throws IOException {
        int files = 0;
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (ContextListing.Entry entry : entries) {
                writeEntry(tar, entry, FIXED_TIME);
                files += entry.kind() == ContextListing.Kind.FILE ? 1 : 0;
            }
            tar.finish();
        }
        return files;
    }

    /**
     * Writes the given files as a tar to {@code archive}, each under its entry name (a path without a leading '/'),
     * keeping their executable bits and modification times: what {@code watch} copies into a running container.
     * Unlike the build context's, the times are the files' own, as {@code docker cp} keeps them: a copy with the
     * fixed time and the same size as the file it replaces would look unchanged to Python's bytecode cache.
     */
    public static void writeFiles(Map<String, Path> entries, Path archive) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                ContextListing.Entry file = ContextListing.entry(entry.getValue(), entry.getKey());
                writeEntry(tar, file, FileTime.from(file.modifiedNanos(), TimeUnit.NANOSECONDS));
            }
            tar.finish();
        }
    }

    /**
     * Whether the path {@code name} (relative to the context, with '/') goes into the context as sent: what
     * {@code ignore} excludes stays out, except {@code alwaysSent}; {@code neverSent} directories stay out.
     */
    public static boolean isSent(String name, DockerIgnore ignore, Set<String> alwaysSent, Set<String> neverSent) {
        return !isNeverSent(name, neverSent) && (alwaysSent.contains(name) || !ignore.excludes(name));
    }

    /** Whether the path {@code name} is one of the {@code neverSent} directories or lies in one. */
    static boolean isNeverSent(String name, Set<String> neverSent) {
        return neverSent.stream().anyMatch(dir -> name.equals(dir) || name.startsWith(dir + "/"));
    }

    private static void writeEntry(TarArchiveOutputStream tar, ContextListing.Entry entry, FileTime modified)
            throws IOException {
        TarArchiveEntry tarEntry = switch (entry.kind()) {
            case LINK -> {
                TarArchiveEntry link = new TarArchiveEntry(entry.name(), TarArchiveEntry.LF_SYMLINK);
                link.setLinkName(Files.readSymbolicLink(entry.path()).toString());
                yield link; // with tar's default mode, as a link's own means nothing
            }
            case DIRECTORY -> withPermissions(new TarArchiveEntry(entry.name() + "/"), entry);
            case FILE -> {
                TarArchiveEntry file = withPermissions(new TarArchiveEntry(entry.name()), entry);
                file.setSize(Files.size(entry.path())); // as it is now: it may have changed since it was listed
                yield file;
            }
        };
        tarEntry.setModTime(modified);
        tar.putArchiveEntry(tarEntry);
        if (entry.kind() == ContextListing.Kind.FILE) {
            Files.copy(entry.path(), tar);
        }
        tar.closeArchiveEntry();
    }

    // Keeps the executable bits (entrypoint scripts must stay runnable); the type bits stay tar's.
    private static TarArchiveEntry withPermissions(TarArchiveEntry tarEntry, ContextListing.Entry entry) {
        tarEntry.setMode((tarEntry.getMode() & ~0777) | entry.permissions());
        return tarEntry;
    }
}
