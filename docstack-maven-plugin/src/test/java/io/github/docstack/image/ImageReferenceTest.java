package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void registryPortIsNotATag() {
        ImageReference reference = ImageReference.parse("localhost:5000/docstack/glance");
        assertEquals("localhost:5000", reference.registry());
        assertEquals("docstack/glance", reference.repository());
        assertNull(reference.tag());
    }

    @Test
    void fullReferenceRoundTrips() {
        assertEquals(
                "registry.example.org/docstack/glance:2025.2",
                ImageReference.parse("registry.example.org/docstack/glance:2025.2")
                        .toString());
        assertEquals("glance", ImageReference.parse("glance:latest").repository());
        assertNull(ImageReference.parse("docstack/glance:1").registry(), "a first part without . or : is a path");
    }

    @Test
    void builtFromParts() {
        assertEquals(
                "localhost:5000/docstack/glance:latest",
                ImageReference.of("localhost:5000/", "/docstack/", "glance")
                        .withTag("latest")
                        .toString());
        assertEquals(
                "glance:dev",
                ImageReference.of(null, " ", "glance").withTag("dev").toString());
    }
}
