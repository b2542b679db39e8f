package org.clearpost.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a service's OpenAPI document ({@code /q/openapi?format=json}) the way a client generator reads it: every
 * operation needs an {@code operationId} of its own, or the generated client gets colliding methods ({@code create},
 * {@code get}, ... from several resources). Each service calls it from a test of its own.
 */
public final class OpenApiDocuments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private OpenApiDocuments() {
    }

    /**
     * The operationId of every operation, as {@code "METHOD /path" -> id}, in document order; fails naming the
     * operations without one and the ids used more than once.
     */
    public static Map<String, String> uniqueOperationIds(String openApiJson) {
        JsonNode paths;
        try {
            paths = new ObjectMapper().readTree(openApiJson).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, List<String>> byId = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> operation = o.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                String id = operation.getValue().path("operationId").asText("");
                if (id.isBlank()) {
                    missing.add(name);
                } else {
                    ids.put(name, id);
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("operations without an operationId: " + missing);
        }
        byId.forEach((id, operations) -> {
            if (operations.size() > 1) {
                problems.add("operationId " + id + " is used by " + operations);
            }
        });
        if (ids.isEmpty() && missing.isEmpty()) {
            problems.add("the document has no operations");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        return ids;
    }
}
