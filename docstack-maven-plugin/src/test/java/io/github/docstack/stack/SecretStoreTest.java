package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets are made once, kept private, and known by an id that the stack's volumes carry. */
class SecretStoreTest {

    @TempDir
    Path dir;

    @Test
    void secretsAndTheirIdSurviveAReload() throws Exception {
        Path file = dir.resolve("state/secrets.properties");
        SecretStore first = new SecretStore(file);
        String password = first.get("mariadb.glance");
        String id = first.id();
        first.save();

        SecretStore again = new SecretStore(file);
        assertEquals(password, again.get("mariadb.glance"));
        assertEquals(id, again.id());
        assertEquals(List.of("mariadb.glance"), List.copyOf(again.all().keySet()), "the id is not a secret to hand out");
    }

    @Test
    void anotherCheckoutMakesAnotherId() throws Exception {
        assertNotEquals(new SecretStore(dir.resolve("a")).id(), new SecretStore(dir.resolve("b")).id());
    }

    @Test
    void theFileIsTheOwnersAloneAndNoTemporaryFileStays() throws Exception {
        Path file = dir.resolve("secrets.properties");
        SecretStore store = new SecretStore(file);
        store.get("stack.admin_password");
        store.save();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void anOutputWithoutSecretsIsReadableByAll() throws Exception {
        Path file = dir.resolve("dashboard.url");
        PrivateFiles.write(file, "http://127.0.0.1:8080/\n", false);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        PrivateFiles.write(file, "replaced\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("replaced\n", Files.readString(file));
        assertFalse(Files.list(dir).anyMatch(path -> path.getFileName().toString().endsWith(".tmp")));
    }
}
