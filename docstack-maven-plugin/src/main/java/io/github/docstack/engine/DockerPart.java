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
    protected final DockerAccess access;
    protected final CallBound calls;

    DockerPart(DockerApi api) {
        this.api = api;
        this.json = api.json;
        this.http = api.http;
        this.apiUrl = api.apiUrl;
        this.access = api.access;
        this.calls = api.calls;
    }
}
