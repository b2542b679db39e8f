package org.clearpost.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sends every operation of a running service, as its own {@code /q/openapi} document describes it, the classes of bad
 * input a careless or hostile client sends: NUL characters, unpaired surrogates, duplicate keys, unknown fields,
 * numbers for text, dates and booleans (and text for numbers and booleans), years such as +999999999, text/plain
 * where JSON is expected, no token, overlong strings; in the body, the query and the path. Every answer must be below
 * 500, every 4xx must be {@code application/problem+json}, a request without a token 401, and body mutations the
 * JSON policy refuses must not succeed.
 *
 * <p>Bounded: at most {@link #MAX_REQUESTS_PER_OPERATION} requests an operation, against localhost only. Requests go
 * with a token holding every realm role, so role checks pass and the input itself is what is judged.
 */
public final class BadInputProbe {

    static final int MAX_REQUESTS_PER_OPERATION = 120;
    private static final int MAX_DEPTH = 4;
    private static final String HUGE_YEAR_DATE_TIME = "+999999999-01-01T00:00:00Z";
    private static final String HUGE_YEAR_DATE = "+999999999-01-01";
    private static final String HUGE_YEAR_LOCAL = "+999999999-01-01T09:00:00";
    private static final String LONE = "__LONE_SURROGATE__";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private JsonNode openApi;
    private int requests;

    private BadInputProbe(URI base) {
        if (!"localhost".equals(base.getHost()) && !"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("The bad-input probe only runs against localhost, not " + base);
        }
        this.base = base.toString().endsWith("/") ? URI.create(base.toString().replaceAll("/+$", "")) : base;
        this.token = TestTokens.forUser("probe", "drafter", "clearer", "lead", "monitor", "analyst", "admin");
    }

    /** Probes every operation of the service at {@code base} and fails with every bad answer it met. */
    public static Result probe(URI base) {
        BadInputProbe probe = new BadInputProbe(base);
        probe.run();
        Result result = new Result(probe.requests, probe.operations, List.copyOf(probe.failures),
                new java.util.TreeMap<>(probe.statuses));
        System.out.printf("Bad-input probe of %s: %d operations, %d requests, answers by status %s, %d failure(s)%n",
                base, result.operations(), result.requests(), result.statuses(), result.failures().size());
        return result;
    }

    /** What one probe did: the requests sent, the operations covered and each answer that broke a rule. */
    public record Result(int requests, int operations, List<String> failures, Map<Integer, Integer> statuses) {

        public void assertNoFailures() {
            if (!failures.isEmpty()) {
                StringBuilder message = new StringBuilder(failures.size() + " bad answer(s) to bad input ("
                        + requests + " requests, " + operations + " operations):");
                failures.stream().limit(60).forEach(f -> message.append("\n  ").append(f));
                if (failures.size() > 60) {
                    message.append("\n  … and ").append(failures.size() - 60).append(" more");
                }
                throw new AssertionError(message.toString());
            }
        }
    }

    private int operations;
    private final Map<Integer, Integer> statuses = new java.util.HashMap<>();

    private void run() {
        HttpResponse<String> doc = send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                .header("Accept", "application/json").GET());
        if (doc == null || doc.statusCode() != 200) {
            throw new AssertionError("No OpenAPI document at " + base + "/q/openapi");
        }
        try {
            openApi = JSON.readTree(doc.body());
        } catch (IOException e) {
            throw new AssertionError("The OpenAPI document is not JSON", e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    operations++;
                    new Operation(method, path.getKey(), op.getValue(), path.getValue().path("parameters")).probe();
                }
            }
        }
    }

    private final class Operation {

        private final String method;
        private final String template;
        private final JsonNode operation;
        private final List<JsonNode> parameters = new ArrayList<>();
        private final boolean secured;
        private int sent;

        Operation(String method, String template, JsonNode operation, JsonNode pathParameters) {
            this.method = method;
            this.template = template;
            this.operation = operation;
            pathParameters.forEach(parameters::add);
            operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
            JsonNode security = operation.has("security") ? operation.get("security") : openApi.path("security");
            this.secured = security.isArray() && !security.isEmpty() && !security.get(0).isEmpty();
        }

        void probe() {
            JsonNode content = resolve(operation.path("requestBody")).path("content");
            JsonNode jsonSchema = content.path("application/json").path("schema");
            boolean json = content.has("application/json");
            boolean multipart = content.has("multipart/form-data");
            String validBody = json ? write(sample(resolve(jsonSchema), 0)) : null;

            // No token at all: 401 before anything else, whatever is sent.
            if (secured) {
                exchange("no token", path(Map.of()), null, json ? "application/json" : multipart ? "application/json" : null,
                        json ? validBody : (multipart ? "{}" : null), false, r -> {
                            if (r.statusCode() != 401) {
                                fail("no token", r, "expected 401");
                            }
                        });
            }
            // text/plain where JSON (or a form) is expected
            if (json || multipart) {
                exchange("text/plain body", path(Map.of()), null, "text/plain", "just some text", true, r -> {
                    if (r.statusCode() < 400) {
                        fail("text/plain body", r, "a text/plain body was accepted");
                    }
                });
            }
            if (multipart) {
                exchange("JSON for a form", path(Map.of()), null, "application/json", "{}", true, r -> {
                    if (r.statusCode() < 400) {
                        fail("JSON for a form", r, "a JSON body was accepted by a multipart operation");
                    }
                });
            }
            probeParameters(json ? validBody : null);
            if (json) {
                probeBody(resolve(jsonSchema), validBody);
            }
        }

        private void probeParameters(String body) {
            for (JsonNode parameter : parameters) {
                String in = parameter.path("in").asText();
                String name = parameter.path("name").asText();
                JsonNode schema = resolve(parameter.path("schema"));
                if (!in.equals("path") && !in.equals("query")) {
                    continue;
                }
                List<String[]> values = new ArrayList<>();
                values.add(new String[] { "NUL in " + in + " parameter " + name, "a%00b" });
                values.add(new String[] { "overlong " + in + " parameter " + name, "x".repeat(2000) });
                String format = schema.path("format").asText();
                if (format.equals("date-time") || format.equals("date") || format.equals("local-date-time")) {
                    values.add(new String[] { "huge year in " + in + " parameter " + name,
                            URLEncoder.encode(format.equals("date") ? HUGE_YEAR_DATE : HUGE_YEAR_DATE_TIME,
                                    StandardCharsets.UTF_8) });
                }
                for (String[] value : values) {
                    Map<String, String> pathValues = new LinkedHashMap<>();
                    String query = null;
                    if (in.equals("path")) {
                        pathValues.put(name, value[1]);
                    } else {
                        query = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + value[1];
                    }
                    exchange(value[0], path(pathValues), query, body == null ? null : "application/json", body, true,
                            r -> {
                            });
                }
            }
        }

        private void probeBody(JsonNode schema, String validBody) {
            JsonNode sample = sample(schema, 0);
            if (!(sample instanceof ObjectNode object)) {
                return;
            }
            // Duplicate key: the first field twice.
            Iterator<String> names = object.fieldNames();
            if (names.hasNext()) {
                String first = names.next();
                String duplicated = "{" + JSON.valueToTree(first).toString() + ":" + object.get(first) + ","
                        + validBody.substring(1);
                strict("duplicate key " + first, duplicated);
            }
            ObjectNode unknown = object.deepCopy();
            unknown.put("unexpectedField", "x");
            strict("unknown field", write(unknown));
            exchange("trailing garbage", path(Map.of()), null, "application/json", validBody + " {}", true,
                    r -> refused("trailing garbage", r));

            forEachLeaf(object, schema, "", 0, (leaf) -> {
                String field = leaf.path;
                JsonNode fieldSchema = leaf.schema;
                String type = fieldSchema.path("type").asText();
                String format = fieldSchema.path("format").asText();
                boolean enumerated = fieldSchema.has("enum");
                if (type.equals("string")) {
                    if (!enumerated && !format.equals("uuid")) {
                        strict("NUL in " + field, write(leaf.replace(NODES.textNode("a\u0000b"))));
                        strict("lone surrogate in " + field,
                                write(leaf.replace(NODES.textNode(LONE))).replace(LONE, "a\\ud800b"));
                        int max = fieldSchema.path("maxLength").asInt(0);
                        String overlong = "x".repeat(max > 0 ? max + 1 : 100_000);
                        exchange("overlong " + field, path(Map.of()), null, "application/json",
                                write(leaf.replace(NODES.textNode(overlong))), true, r -> {
                                    if (max > 0 && r.statusCode() < 300) {
                                        fail("overlong " + field, r, "longer than its maxLength " + max
                                                + " was accepted");
                                    }
                                });
                    }
                    strict("number for string " + field, write(leaf.replace(NODES.numberNode(1700000000))));
                    if (format.equals("date-time") || format.equals("date") || format.equals("local-date-time")) {
                        String huge = format.equals("date") ? HUGE_YEAR_DATE
                                : format.equals("local-date-time") ? HUGE_YEAR_LOCAL : HUGE_YEAR_DATE_TIME;
                        strict("huge year in " + field, write(leaf.replace(NODES.textNode(huge))));
                    }
                } else if (type.equals("boolean")) {
                    strict("number for boolean " + field, write(leaf.replace(NODES.numberNode(1))));
                    strict("string for boolean " + field, write(leaf.replace(NODES.textNode("true"))));
                } else if (type.equals("integer") || type.equals("number")) {
                    strict("string for number " + field, write(leaf.replace(NODES.textNode("1"))));
                } else if (type.equals("array")) {
                    strict("string for array " + field, write(leaf.replace(NODES.textNode("x"))));
                }
            });
        }

        /** A body the JSON policy refuses: a 400 problem naming a field, never a success. */
        private void strict(String what, String body) {
            exchange(what, path(Map.of()), null, "application/json", body, true, r -> refused(what, r));
        }

        private void refused(String what, HttpResponse<String> response) {
            if (response.statusCode() < 400) {
                fail(what, response, "was accepted");
            }
        }

        private void exchange(String what, String path, String query, String contentType, String body,
                boolean withToken, Consumer<HttpResponse<String>> check) {
            if (sent >= MAX_REQUESTS_PER_OPERATION) {
                return;
            }
            sent++;
            requests++;
            URI uri = URI.create(base + path + (query == null ? "" : "?" + query));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            request.method(method, publisher);
            if (contentType != null && body != null) {
                request.header("Content-Type", contentType);
            }
            if (withToken) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = send(request);
            if (response == null) {
                failures.add(method + " " + template + " [" + what + "]: no answer");
                return;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                fail(what, response, "server error");
                return;
            }
            if (response.statusCode() >= 400) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("application/problem+json")) {
                    fail(what, response, "a " + response.statusCode() + " without application/problem+json (was '"
                            + type + "')");
                    return;
                }
            }
            check.accept(response);
        }

        private void fail(String what, HttpResponse<String> response, String why) {
            String body = response.body() == null ? "" : response.body();
            failures.add(method + " " + template + " [" + what + "]: " + response.statusCode() + " " + why
                    + (body.isEmpty() ? "" : " — " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }

        private String path(Map<String, String> overrides) {
            String path = template;
            for (JsonNode parameter : parameters) {
                if (!parameter.path("in").asText().equals("path")) {
                    continue;
                }
                String name = parameter.path("name").asText();
                String value = overrides.containsKey(name) ? overrides.get(name)
                        : URLEncoder.encode(scalar(resolve(parameter.path("schema")), name).asText(),
                                StandardCharsets.UTF_8);
                path = path.replace("{" + name + "}", value);
            }
            return path;
        }
    }

    // --- samples built from the schemas ---------------------------------------------------------------------------

    private record Leaf(String path, JsonNode schema, ObjectNode root, ObjectNode parent, String field) {
        ObjectNode replace(JsonNode value) {
            JsonNode previous = parent.get(field);
            parent.set(field, value);
            ObjectNode copy = root.deepCopy();
            parent.set(field, previous);
            return copy;
        }
    }

    private void forEachLeaf(ObjectNode root, JsonNode schema, String prefix, int depth, Consumer<Leaf> action) {
        walk(root, root, resolve(schema), prefix, depth, action);
    }

    private void walk(ObjectNode root, ObjectNode node, JsonNode schema, String prefix, int depth,
            Consumer<Leaf> action) {
        JsonNode properties = properties(schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode fieldSchema = resolve(property.getValue());
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            action.accept(new Leaf(path, fieldSchema, root, node, property.getKey()));
            JsonNode value = node.get(property.getKey());
            if (depth < 2 && value instanceof ObjectNode child) {
                walk(root, child, fieldSchema, path, depth + 1, action);
            } else if (depth < 2 && value instanceof ArrayNode array && !array.isEmpty()
                    && array.get(0) instanceof ObjectNode element) {
                walk(root, element, resolve(fieldSchema.path("items")), path + "[0]", depth + 1, action);
            }
        }
    }

    private JsonNode properties(JsonNode schema) {
        if (schema.has("properties")) {
            return schema.get("properties");
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                ObjectNode merged = NODES.objectNode();
                schema.get(combinator).forEach(part -> merged.setAll((ObjectNode) properties(resolve(part))));
                return merged;
            }
        }
        return NODES.objectNode();
    }

    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        String type = schema.path("type").asText();
        if (type.isEmpty() && (schema.has("properties") || schema.has("allOf"))) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth >= MAX_DEPTH) {
                    return object;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = properties(schema).fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), sample(property.getValue(), depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                return array;
            }
            default -> {
                return scalar(schema, "value");
            }
        }
    }

    private JsonNode scalar(JsonNode schema, String name) {
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (format) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.textNode("2030-03-04T10:00:00Z");
                case "local-date-time" -> NODES.textNode("2030-03-04T10:00:00");
                case "date" -> NODES.textNode("2030-03-04");
                case "uri", "url" -> NODES.textNode("https://example.org/probe");
                default -> NODES.textNode(name.toLowerCase().contains("url") ? "https://example.org/probe"
                        : "probe");
            };
        };
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node != null && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return NODES.objectNode();
            }
            node = openApi.at(ref.substring(1));
        }
        return node == null || node.isMissingNode() ? NODES.objectNode() : node;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
