package org.clearpost.console.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A service's answer as it came: status, headers, body; read as JSON or as a problem. */
public record ServiceResponse(Service service, int status, HttpHeaders headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("application/octet-stream");
    }

    public JsonNode json() {
        try {
            return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(service.id() + " answered with something that is not JSON", e);
        }
    }

    /** The body as a record or list type. */
    public <T> T as(Class<T> type) {
        try {
            return JSON.treeToValue(json(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This answer when it is a success; otherwise its problem, thrown for the page to show ({@link ServiceProblem}). */
    public ServiceResponse orProblem() {
        if (!ok()) {
            throw new ServiceProblem(problem());
        }
        return this;
    }

    /** The service's problem+json, or one made from the status when it sent none. */
    public Problem problem() {
        return Problem.from(this);
    }
}
