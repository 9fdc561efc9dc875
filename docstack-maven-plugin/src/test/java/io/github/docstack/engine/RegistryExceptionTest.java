package io.github.docstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine's push errors, as Docker 20.10 words them, sorted into what docstack can advise on. */
class RegistryExceptionTest {

    @ParameterizedTest
    @ValueSource(ints = {40349, 40123, 4013, 5000})
    void aRegistryThatIsDownIsUnreachableWhateverDigitsItsPortHas(int port) {
        assertEquals(
                RegistryException.Kind.UNREACHABLE,
                RegistryException.classify("Get \"http://127.0.0.1:" + port + "/v2/\": dial tcp 127.0.0.1:" + port
                        + ": connect: connection refused"));
    }

    @Test
    void refusedCredentialsAreUnauthorized() {
        assertEquals(
                RegistryException.Kind.UNAUTHORIZED,
                RegistryException.classify("unauthorized: authentication required"));
        assertEquals(
                RegistryException.Kind.UNAUTHORIZED,
                RegistryException.classify("received unexpected HTTP status: 403 Forbidden"));
        assertEquals(
                RegistryException.Kind.UNAUTHORIZED,
                RegistryException.classify("denied: requested access to the resource is denied"));
    }

    @Test
    void aMissingTagIsNotFoundAndAServerErrorIsWorthAnotherTry() {
        assertEquals(
                RegistryException.Kind.NOT_FOUND, RegistryException.classify("manifest unknown: manifest unknown"));
        assertEquals(
                RegistryException.Kind.OTHER,
                RegistryException.classify(
                        "received unexpected HTTP status: 500 Internal Server Error on 127.0.0.1:40349"));
    }
}
