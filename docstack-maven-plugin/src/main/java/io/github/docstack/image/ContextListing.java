package io.github.docstack.image;

import io.github.docstack.dockerfile.DockerIgnore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The paths of a build context as Docker sends them (after .dockerignore), in the archive's order, each with what
 * the archive records of it, read by one {@code lstat}. A directory that nothing below can be sent from (ignored,
 * with no {@code !} pattern reaching into it, or docstack's own output) is not walked at all: a {@code .git} or
 * {@code .tox} costs one entry, not thousands.
 */
final class ContextListing {

    enum Kind {
        FILE,
        DIRECTORY,
        LINK
    }

    /**
     * One path as sent.
     *
     * @param name          the path relative to the context, with '/'
     * @param permissions   the nine permission bits (the archive keeps them: entrypoints stay executable)
     * @param changedNanos  the inode's change time, which no tool sets back; -1 where the file system does not say
     * @param inode         the inode number; -1 where the file system does not say
     */
    record Entry(
            Path path,
            String name,
            Kind kind,
            int permissions,
            long size,
            long modifiedNanos,
            long changedNanos,
            long inode) {}

    // The file type bits of st_mode (stat(2)).
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    private ContextListing() {}

    /**
     * The context's entries as sent, sorted by path: what {@code ignore} excludes stays out, except {@code alwaysSent}
     * (the Dockerfile, .dockerignore, which Docker sends regardless); {@code neverSent} directories stay out.
     */
    static List<Entry> of(Path context, DockerIgnore ignore, Set<String> alwaysSent, Set<String> neverSent)
            throws IOException {
        if (!Files.isDirectory(context)) {
            throw new IOException("The build context " + context + " is not a directory");
        }
        List<Entry> entries = new ArrayList<>();
        walk(context, "", ignore, alwaysSent, neverSent, entries);
        // The order Files.walk(...).sorted() gave the archive before: by the whole path, so "a.txt" before "a/b".
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    // Its own walk rather than Files.walkFileTree, which stats each path once more than the entry needs.
    private static void walk(
            Path directory,
            String prefix,
            DockerIgnore ignore,
            Set<String> alwaysSent,
            Set<String> neverSent,
            List<Entry> entries)
            throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                Entry entry = entry(child, prefix + child.getFileName());
                boolean directoryToWalk = entry.kind() == Kind.DIRECTORY;
                if (directoryToWalk && nothingSentBelow(entry.name(), ignore, alwaysSent, neverSent)) {
                    continue;
                }
                if (ContextArchive.isSent(entry.name(), ignore, alwaysSent, neverSent)) {
                    entries.add(entry);
                }
                if (directoryToWalk) {
                    walk(child, entry.name() + "/", ignore, alwaysSent, neverSent, entries);
                }
            }
        }
    }

    private static boolean nothingSentBelow(
            String directory, DockerIgnore ignore, Set<String> alwaysSent, Set<String> neverSent) {
        return ContextArchive.isNeverSent(directory, neverSent)
                || (ignore.excludesEverythingBelow(directory)
                        && alwaysSent.stream().noneMatch(path -> path.startsWith(directory + "/")));
    }

    /** The entry for {@code path}, sent as {@code name}, from one {@code lstat}. */
    static Entry entry(Path path, String name) throws IOException {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(path, "unix:mode,size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            // No Unix view (Windows): default permissions, and nothing that would tell a cache the file is unchanged.
            BasicFileAttributes basic =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Kind kind = basic.isSymbolicLink() ? Kind.LINK : basic.isDirectory() ? Kind.DIRECTORY : Kind.FILE;
            return new Entry(
                    path,
                    name,
                    kind,
                    kind == Kind.DIRECTORY ? 0755 : 0644,
                    basic.size(),
                    nanos(basic.lastModifiedTime()),
                    -1,
                    -1);
        }
        int mode = (Integer) unix.get("mode");
        return new Entry(
                path,
                name,
                switch (mode & S_IFMT) {
                    case S_IFLNK -> Kind.LINK;
                    case S_IFDIR -> Kind.DIRECTORY;
                    default -> Kind.FILE;
                },
                mode & 0777,
                (Long) unix.get("size"),
                nanos((FileTime) unix.get("lastModifiedTime")),
                nanos((FileTime) unix.get("ctime")),
                (Long) unix.get("ino"));
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
