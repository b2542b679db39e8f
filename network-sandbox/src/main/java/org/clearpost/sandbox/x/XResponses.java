package org.clearpost.sandbox.x;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.Tokens;

/**
 * What every X resource of the sandbox answers the same way, as X does on all its v2 endpoints: the bearer-token check,
 * the problem bodies for 401, 429 and 400, and the rate-limit headers.
 */
public final class XResponses {

    public static final String JSON = "application/json; charset=utf-8";

    private XResponses() {
    }

    /** The caller's bearer token; an expired token is as good as none to X: both get the same 401. */
    public static Optional<String> bearer(String authorization) {
        return Tokens.fromAuthorization(authorization, "Bearer").filter(t -> !Tokens.isExpired(t));
    }

    /** X's RFC 7807-style problem, e.g. {"title":"Forbidden","type":"about:blank","status":403,"detail":"..."}. */
    public static Map<String, Object> problem(String title, int status, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("type", "about:blank");
        p.put("status", status);
        p.put("detail", detail);
        return p;
    }

    /** X's 401; it sends no rate headers when it cannot tell who is calling. */
    public static Response unauthorized() {
        return Response.status(401).type(JSON).entity(problem("Unauthorized", 401, "Unauthorized")).build();
    }

    /** X's 429 once the caller's window is used up, with the window's headers. */
    public static Response tooManyRequests(Decision rate) {
        return withRate(Response.status(429).entity(problem("Too Many Requests", 429, "Too Many Requests")), rate);
    }

    /**
     * X's 400 body: {"errors":[{"parameters":{...},"message":...}],"title":"Invalid Request",...}.
     *
     * @param parameter the bad parameter, or {@code null} for a request bad as a whole (no {@code parameters} then)
     */
    public static Response.ResponseBuilder invalidRequest(String parameter, String value, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (parameter != null) {
            error.put("parameters", Map.of(parameter, value == null ? List.of() : List.of(value)));
        }
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        return Response.status(400).entity(body);
    }

    /** The response as JSON, with the caller's rate-limit window in X's headers. */
    public static Response withRate(Response.ResponseBuilder builder, Decision rate) {
        return builder.type(JSON)
                .header("x-rate-limit-limit", rate.limit())
                .header("x-rate-limit-remaining", rate.remaining())
                .header("x-rate-limit-reset", rate.resetEpochSeconds())
                .build();
    }
}
