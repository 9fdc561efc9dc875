package io.github.docstack.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Docker engine of a test's own beside the test engine, as a second machine would have: a dockerd with its own
 * images and containers, in a network namespace with a veth pair to this one and a hostname of its own, so its
 * bridge, iptables and published ports never meet the test engine's. {@link #close()} stops the dockerd (by its pid)
 * and removes the namespace and everything the engine stored.
 */
final class SecondEngine implements AutoCloseable {

    private final String namespace;
    private final String hostLink;
    private final Path directory;

    private SecondEngine(String namespace, String hostLink, Path directory) {
        this.namespace = namespace;
        this.hostLink = hostLink;
        this.directory = directory;
    }

    /**
     * Starts one, reachable from here at {@code SUBNET.2} over a link whose end here is {@code SUBNET.1}.
     *
     * @param name   the namespace's and the engine's host name
     * @param subnet the first three octets of the link's /24, e.g. {@code 10.213.0}
     */
    static SecondEngine start(String name, String subnet) throws Exception {
        String link = name.substring(0, Math.min(name.length(), 11)); // an interface's name has 15 characters at most
        String hostLink = link + "-h";
        String peer = link + "-p";
        Path directory = Files.createTempDirectory("docstack-" + name);
        SecondEngine engine = new SecondEngine(name, hostLink, directory);
        try {
            Commands.run("ip", "netns", "add", name);
            Commands.run("ip", "link", "add", hostLink, "type", "veth", "peer", "name", peer);
            Commands.run("ip", "link", "set", peer, "netns", name);
            Commands.run("ip", "addr", "add", subnet + ".1/24", "dev", hostLink);
            Commands.run("ip", "link", "set", hostLink, "up");
            engine.inNamespace("ip", "addr", "add", subnet + ".2/24", "dev", peer);
            engine.inNamespace("ip", "link", "set", peer, "up");
            engine.inNamespace("ip", "link", "set", "lo", "up");
            // nsenter, not ip netns exec (which remounts /sys: "Devices cgroup isn't mounted"); a UTS namespace for
            // its name.
            new ProcessBuilder(
                            "nsenter",
                            "--net=/run/netns/" + name,
                            "unshare",
                            "--uts",
                            "sh",
                            "-c",
                            "hostname " + name + " && exec dockerd --data-root " + directory.resolve("data")
                                    + " --exec-root " + directory.resolve("exec") + " -H " + engine.host()
                                    + " --pidfile " + directory.resolve("docker.pid"))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("dockerd.log").toFile())
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Commands.succeeds("docker", "-H", engine.host(), "info")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the second engine did not answer in 60 s: " + Files.readString(engine.log()));
                }
                Thread.sleep(200);
            }
            return engine;
        } catch (Exception e) {
            engine.close();
            throw e;
        }
    }

    /** The engine's address for {@code docker -H} and {@code DOCKER_HOST}. */
    String host() {
        return "unix://" + directory.resolve("docker.sock");
    }

    /** A directory that lives as long as the engine, for a test's files beside it. */
    Path directory() {
        return directory;
    }

    Path log() {
        return directory.resolve("dockerd.log");
    }

    /**
     * What runs a command in the engine's network namespace when put before it, e.g. for a client of the ports its
     * containers publish.
     */
    List<String> namespaceCommand() {
        return List.of("nsenter", "--net=/run/netns/" + namespace);
    }

    String inNamespace(String... command) throws Exception {
        return Commands.run(concat(namespaceCommand(), command));
    }

    /** Starts a process in the engine's network namespace, its output into {@code log}. */
    Process startInNamespace(Path log, String... command) throws IOException {
        return new ProcessBuilder(concat(namespaceCommand(), command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String[] concat(List<String> prefix, String... command) {
        String[] all = prefix.toArray(new String[prefix.size() + command.length]);
        System.arraycopy(command, 0, all, prefix.size(), command.length);
        return all;
    }

    @Override
    public void close() throws Exception {
        Path pidFile = directory.resolve("docker.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(dockerd -> {
                dockerd.destroy();
                dockerd.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            });
        }
        Commands.succeeds("ip", "netns", "del", namespace); // the veth pair goes with it, once the kernel lets go
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Commands.succeeds("ip", "link", "show", hostLink) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Commands.succeeds("rm", "-rf", directory.toString());
    }
}
