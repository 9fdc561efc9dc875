package io.github.docstack.stack;

import io.github.docstack.files.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A stack's secrets: generated with SecureRandom the first time they are asked for, kept in a file readable
 * only by its owner (0600) beside the stack, and reused by the next {@code up}, because volumes outlive
 * containers and the passwords in them must too. Never printed. The store has an id of its own, which labels the
 * volumes made with these secrets, so data and secrets that do not belong together are noticed before anything starts.
 */
public final class SecretStore {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 32;
    /** Not a secret: the id of this set of secrets, as volumes made with it are labelled. */
    private static final String ID_KEY = "docstack.secrets-id";

    private final Path file;
    private final Properties secrets = new Properties();
    private final SecureRandom random = new SecureRandom();
    private final java.util.Set<String> renamed = new java.util.HashSet<>();
    private boolean changed;

    public SecretStore(Path file) throws IOException {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(in);
            }
        }
    }

    /**
     * The secret named {@code key}: the one stored under that name, else the one stored under its former name
     * (which is renamed when the store is saved), else a new one.
     */
    public synchronized String get(SecretKeys.SecretKey key) {
        String former = secrets.getProperty(key.formerName());
        if (secrets.getProperty(key.name()) == null && former != null) {
            secrets.setProperty(key.name(), former);
            renamed.add(key.formerName()); // not removed yet: two names that once collided share the former one
            changed = true;
        }
        return get(key.name());
    }

    /** The secret named {@code key}, made now if there is none yet. */
    public synchronized String get(String key) {
        String secret = secrets.getProperty(key);
        if (secret == null) {
            secret = random(LENGTH);
            secrets.setProperty(key, secret);
            changed = true;
        }
        return secret;
    }

    private String random(int length) {
        StringBuilder made = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            made.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return made.toString();
    }

    /** The id of this set of secrets, made with the first secret; volumes made with these secrets carry it. */
    public synchronized String id() {
        String id = secrets.getProperty(ID_KEY);
        if (id == null) {
            id = random(16);
            secrets.setProperty(ID_KEY, id);
            changed = true;
        }
        return id;
    }

    /** The id of these secrets as stored, or null when none was made yet; makes none. */
    public synchronized String storedId() {
        return secrets.getProperty(ID_KEY);
    }

    /** All secrets, by key; for the Compose export's .env file. */
    public synchronized SortedMap<String, String> all() {
        TreeMap<String, String> all = new TreeMap<>();
        secrets.stringPropertyNames().stream()
                .filter(key -> !key.equals(ID_KEY))
                .forEach(key -> all.put(key, secrets.getProperty(key)));
        return all;
    }

    public synchronized void save() throws IOException {
        if (!changed && Files.exists(file)) {
            return;
        }
        renamed.forEach(secrets::remove);
        renamed.clear();
        // Properties.store writes keys in hash order; sorted is easier to read and to diff.
        StringBuilder text =
                new StringBuilder("# docstack secrets of this stack: keep this file private; delete it only with the"
                        + " stack's volumes\n" + ID_KEY + "=" + id() + "\n");
        all().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        PrivateFiles.write(file, text.toString());
        changed = false;
    }

    public Path file() {
        return file;
    }
}
