package org.clearpost.sandbox.youtube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Google's error body: {@code {"error":{"code","message","errors":[{message,domain,reason,...}]}}}. */
final class YouTubeErrors {

    static final String JSON = "application/json; charset=UTF-8";

    private YouTubeErrors() {
    }

    static Response error(ObjectMapper mapper, int code, String message, String domain, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("message", message);
        detail.put("domain", domain);
        detail.put("reason", reason);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("errors", List.of(detail));
        if (code == 401) {
            detail.put("location", "Authorization");
            detail.put("locationType", "header");
            error.put("status", "UNAUTHENTICATED");
        }
        return json(mapper, Response.status(code), Map.of("error", error));
    }

    /** 401 as Google answers a missing, expired or revoked OAuth token. */
    static Response unauthenticated(ObjectMapper mapper, String why) {
        return error(mapper, 401, "Request had invalid authentication credentials (" + why + "). Expected OAuth 2 "
                + "access token, login cookie or other valid authentication credential.", "global", "authError");
    }

    static Response json(ObjectMapper mapper, Response.ResponseBuilder builder, Object body) {
        try {
            return builder.type(JSON).entity(mapper.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
