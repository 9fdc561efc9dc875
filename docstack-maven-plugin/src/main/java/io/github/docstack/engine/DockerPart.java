package io.github.docstack.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.maven.docker.access.DockerAccess;
import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;

/** A part of {@link DockerEngine} (images, containers, networks, volumes): the connection it works through, by name. */
abstract class DockerPart {

    protected final DockerApi api;
    protected final ObjectMapper json;
    protected final ApacheHttpClientDelegate http;
    protected final String apiUrl;
    protected final CallBound calls;

    DockerPart(DockerApi api) {
        this.api = api;
        this.json = api.json;
        this.http = api.http;
        this.apiUrl = api.apiUrl;
        this.calls = api.calls;
    }

    /** fabric8's client, made at its first use ({@link DockerApi#access()}). */
    protected DockerAccess access() throws EngineException {
        return api.access();
    }
}
