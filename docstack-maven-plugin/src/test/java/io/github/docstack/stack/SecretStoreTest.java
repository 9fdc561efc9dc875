package io.github.docstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.docstack.files.PrivateFiles;
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
        assertEquals(
                List.of("mariadb.glance"), List.copyOf(again.all().keySet()), "the id is not a secret to hand out");
    }

    @Test
    void aSecretStoredUnderItsFormerNameCarriesOverAndIsRenamed() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "docstack.secrets-id=abc\nmariadb.glance=kept-password\nmariadb.own=kept-own\n");
        SecretStore store = new SecretStore(file);

        assertEquals("kept-password", store.get(SecretKeys.account("mariadb", "glance")));
        assertEquals("kept-own", store.get(SecretKeys.own("mariadb")));
        assertEquals(
                "kept-own",
                store.get(SecretKeys.account("mariadb", "own")),
                "two names that once collided keep sharing");
        store.save();

        assertEquals(
                List.of("account/mariadb/glance", "account/mariadb/own", "own/mariadb"),
                List.copyOf(new SecretStore(file).all().keySet()),
                "stored under the new names only");
    }

    @Test
    void namesThatOnceCollidedNowHoldSecretsOfTheirOwn() throws Exception {
        SecretStore store = new SecretStore(dir.resolve("secrets.properties"));
        assertNotEquals(store.get(SecretKeys.account("a.b", "c")), store.get(SecretKeys.account("a", "b.c")));
        assertNotEquals(store.get(SecretKeys.own("db")), store.get(SecretKeys.account("db", "own")));
    }

    @Test
    void anotherCheckoutMakesAnotherId() throws Exception {
        assertNotEquals(new SecretStore(dir.resolve("a")).id(), new SecretStore(dir.resolve("b")).id());
    }

    @Test
    void theFileIsTheOwnersAloneAndNoTemporaryFileStays() throws Exception {
        Path file = dir.resolve("secrets.properties");
        SecretStore store = new SecretStore(file);
        store.get(SecretKeys.ADMIN);
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
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(path -> path.getFileName().toString().endsWith(".tmp")));
        }
    }
}
