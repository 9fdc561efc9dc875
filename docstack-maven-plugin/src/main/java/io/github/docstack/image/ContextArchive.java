package io.github.docstack.image;

import io.github.docstack.dockerfile.DockerIgnore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
     * Writes {@code contextDirectory} as a tar to {@code archive}.
     *
     * @return the number of files written
     */
    public static int write(Path contextDirectory, Path archive) throws IOException {
        return write(contextDirectory, archive, DockerIgnore.NONE, Set.of(), Set.of(), BuildInputs.newDigest());
    }

    /**
     * Writes {@code contextDirectory} as a tar to {@code archive}, leaving out what {@code ignore} excludes, as
     * {@code docker build} does. Paths in {@code alwaysSent} (the Dockerfile, .dockerignore) go in regardless,
     * as Docker sends them too; directories in {@code neverSent} (docstack's own output) stay out regardless.
     *
     * @param sent is fed every byte written, so the archive is fingerprinted without being read back
     * @return the number of files written
     */
    public static int write(
            Path contextDirectory,
            Path archive,
            DockerIgnore ignore,
            Set<String> alwaysSent,
            Set<String> neverSent,
            MessageDigest sent)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(archive)) {
            return write(contextDirectory, out, ignore, alwaysSent, neverSent, sent);
        }
    }

    /**
     * The fingerprint of the context as {@link #write} would send it, the tar made and fed to {@code sent} only: what
     * tells whether an image of the same inputs exists, before anything is written.
     *
     * @return the number of files the archive would hold
     */
    public static int fingerprint(
            Path contextDirectory,
            DockerIgnore ignore,
            Set<String> alwaysSent,
            Set<String> neverSent,
            MessageDigest sent)
            throws IOException {
        return write(contextDirectory, OutputStream.nullOutputStream(), ignore, alwaysSent, neverSent, sent);
    }

    private static int write(
            Path contextDirectory,
            OutputStream archive,
            DockerIgnore ignore,
            Set<String> alwaysSent,
            Set<String> neverSent,
            MessageDigest sent)
            throws IOException {
        if (!Files.isDirectory(contextDirectory)) {
            throw new IOException("The build context " + contextDirectory + " is not a directory");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(contextDirectory)) {
            paths = walk.filter(path -> !path.equals(contextDirectory)).sorted().toList();
        }
        int files = 0;
        try (OutputStream out = new DigestOutputStream(archive, sent);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : paths) {
                String name = contextDirectory.relativize(path).toString().replace('\\', '/');
                if (isSent(name, ignore, alwaysSent, neverSent)) {
                    files += writeEntry(tar, path, name, FIXED_TIME) ? 1 : 0;
                }
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
    public static void writeFiles(java.util.Map<String, Path> entries, Path archive) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (java.util.Map.Entry<String, Path> entry : entries.entrySet()) {
                writeEntry(tar, entry.getValue(), entry.getKey(), Files.getLastModifiedTime(entry.getValue()));
            }
            tar.finish();
        }
    }

    /**
     * Whether the path {@code name} (relative to the context, with '/') goes into the context as sent: what
     * {@code ignore} excludes stays out, except {@code alwaysSent}; {@code neverSent} directories stay out.
     */
    public static boolean isSent(String name, DockerIgnore ignore, Set<String> alwaysSent, Set<String> neverSent) {
        boolean left = neverSent.stream().anyMatch(dir -> name.equals(dir) || name.startsWith(dir + "/"));
        return !left && (alwaysSent.contains(name) || !ignore.excludes(name));
    }

    private static boolean writeEntry(TarArchiveOutputStream tar, Path path, String name, FileTime modified)
            throws IOException {
        TarArchiveEntry entry;
        boolean regularFile = false;
        if (Files.isSymbolicLink(path)) {
            entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
        } else if (Files.isDirectory(path)) {
            entry = new TarArchiveEntry(name + "/");
        } else {
            entry = new TarArchiveEntry(name);
            entry.setSize(Files.size(path));
            regularFile = true;
        }
        entry.setModTime(modified);
        entry.setMode(mode(path, entry.getMode()));
        tar.putArchiveEntry(entry);
        if (regularFile) {
            Files.copy(path, tar);
        }
        tar.closeArchiveEntry();
        return regularFile;
    }

    // Keeps the executable bits (entrypoint scripts must stay runnable); everything else gets tar's default.
    private static int mode(Path path, int defaultMode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null || Files.isSymbolicLink(path)) {
            return defaultMode;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        // "rwxr-x---": the nine mode bits, highest first.
        String symbolic = PosixFilePermissions.toString(permissions);
        int bits = 0;
        for (int at = 0; at < symbolic.length(); at++) {
            if (symbolic.charAt(at) != '-') {
                bits |= 1 << (8 - at);
            }
        }
        return (defaultMode & ~0777) | bits;
    }
}
