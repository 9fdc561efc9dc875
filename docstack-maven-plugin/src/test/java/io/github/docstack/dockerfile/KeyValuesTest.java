package io.github.docstack.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValuesTest {

    private static Map<String, String> keyValues(String line) {
        Dockerfile dockerfile = DockerfileParser.parse("FROM scratch\n" + line + "\n");
        return dockerfile.keyValues(dockerfile.instructions().get(1));
    }

    @Test
    void quotesAndEscapesAreRemoved() {
        assertEquals(
                Map.of("A", "1", "B", "two words", "C", "three words"),
                keyValues("ENV A=1 B=\"two words\" C=three\\ words"));
    }

    @Test
    void legacyEnvTakesTheRestOfTheLine() {
        assertEquals(Map.of("E", "value with  spaces"), keyValues("ENV E value with  spaces"));
    }

    @Test
    void argWithoutDefaultMapsToNull() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("VERSION", null);
        expected.put("BASE", "debian");
        assertEquals(expected, keyValues("ARG VERSION BASE=debian"));
    }

    @Test
    void quotedLabelKeys() {
        assertEquals(
                Map.of("org.example.key", "a value", "other", "x"),
                keyValues("LABEL \"org.example.key\"=\"a value\" other=x"));
    }
}
