package io.github.docstack.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * One writer per stack and engine: up, down and compose hold this lock while they make secrets or touch the
 * stack's containers, so two of them (two checkouts, two CI jobs, a Ctrl-C'd terminal and a new one) never
 * interleave. It is an operating-system lock on a file under the user's {@code ~/.docstack/locks/}, named after
 * the engine and the stack, so it is released when its process ends, however it ends; beside it, a note says who
 * holds it.
 */
public final class StackLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final FileChannel channel;
    private final FileLock lock;
    private final Path holderFile;

    private StackLock(FileChannel channel, FileLock lock, Path holderFile) {
        this.channel = channel;
        this.lock = lock;
        this.holderFile = holderFile;
    }

    /**
     * Takes the lock of {@code stack} on the engine at {@code engineUrl}, waiting up to {@code wait} for its holder.
     *
     * @param holder who asks, as the next one waiting should read it (e.g. "up of /work/cloud/stack.yaml")
     * @param waiting told once, with the holder's note, when the lock is taken and this call waits
     * @throws StackLockedException when it is still held after {@code wait}, naming the holder
     */
    public static StackLock acquire(
            Path lockDirectory,
            String engineUrl,
            String stack,
            String holder,
            Duration wait,
            java.util.function.Consumer<String> waiting)
            throws StackLockedException, IOException, InterruptedException {
        Files.createDirectories(lockDirectory);
        String name = (engineUrl + "--" + stack).replaceAll("[^A-Za-z0-9._-]+", "_");
        Path lockFile = lockDirectory.resolve(name + ".lock");
        Path holderFile = lockDirectory.resolve(name + ".holder");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    Files.writeString(
                            holderFile,
                            holder + ", process " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n",
                            StandardCharsets.UTF_8);
                    return new StackLock(channel, lock, holderFile);
                }
                String heldBy = heldBy(holderFile);
                if (System.nanoTime() >= deadline) {
                    throw new StackLockedException(stack, heldBy, lockFile);
                }
                if (!told) {
                    waiting.accept(heldBy);
                    told = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (StackLockedException | IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static String heldBy(Path holderFile) {
        try {
            return Files.readString(holderFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(holderFile);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
