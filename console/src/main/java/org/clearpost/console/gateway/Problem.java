package org.clearpost.console.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's RFC 9457 problem as a screen shows it: the title and detail for the error summary, and each named field
 * ({@code targets[0].text}) with its message, to be placed next to that field.
 */
public record Problem(int status, String title, String detail, List<Violation> violations) {

    /** One field the service named, and why it is wrong. */
    public record Violation(String field, String message) {
    }

    public static Problem from(ServiceResponse response) {
        String type = response.contentType();
        if (type.startsWith("application/problem+json") || type.startsWith("application/json")) {
            try {
                return of(response.status(), response.json());
            } catch (RuntimeException notJson) {
                // fall through: a proxy's HTML error page, say
            }
        }
        return new Problem(response.status(), "Error " + response.status(),
                response.service().shownAs() + " answered " + response.status(), List.of());
    }

    static Problem of(int status, JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : body.path("violations")) {
            violations.add(new Violation(v.path("field").asText(null), v.path("message").asText("")));
        }
        return new Problem(body.path("status").asInt(status), body.path("title").asText("Error " + status),
                body.path("detail").asText(null), List.copyOf(violations));
    }

    /** Whether any message is about this field or something inside it ({@code text} covers {@code text} only). */
    public List<String> messagesFor(String field) {
        return violations.stream().filter(v -> field.equals(v.field())).map(Violation::message).toList();
    }
}
