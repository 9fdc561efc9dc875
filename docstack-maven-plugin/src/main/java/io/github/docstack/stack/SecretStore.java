package io.github.docstack.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A stack's secrets: generated with SecureRandom the first time they are asked for, kept in a file readable
 * only by its owner (0600) beside the stack, and reused by the next {@code up}, because volumes outlive
 * containers and the passwords in them must too. Never printed.
 */
public final class SecretStore {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 32;

    private final Path file;
    private final Properties secrets = new Properties();
    private final SecureRandom random = new SecureRandom();
    private boolean changed;

    public SecretStore(Path file) throws IOException {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(in);
            }
        }
    }

    /** The secret named {@code key}, made now if there is none yet. */
    public synchronized String get(String key) {
        String secret = secrets.getProperty(key);
        if (secret == null) {
            StringBuilder made = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                made.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            secret = made.toString();
            secrets.setProperty(key, secret);
            changed = true;
        }
        return secret;
    }

    /** All secrets, by key; for the Compose export's .env file. */
    public synchronized TreeMap<String, String> all() {
        TreeMap<String, String> all = new TreeMap<>();
        secrets.stringPropertyNames().forEach(key -> all.put(key, secrets.getProperty(key)));
        return all;
    }

    public synchronized void save() throws IOException {
        if (!changed && Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // Properties.store writes keys in hash order; sorted is easier to read and to diff.
            out.write("# docstack secrets of this stack: keep this file private; delete it only with the stack's volumes\n");
            for (var entry : all().entrySet()) {
                out.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
        changed = false;
    }

    public Path file() {
        return file;
    }
}
