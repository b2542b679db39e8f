package org.clearpost.sandbox.x;

import static org.clearpost.sandbox.x.XResponses.JSON;
import static org.clearpost.sandbox.x.XResponses.bearer;
import static org.clearpost.sandbox.x.XResponses.unauthorized;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearpost.sandbox.domain.Ids;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * X's filtered-stream rules, {@code GET} and {@code POST /2/tweets/search/stream/rules}, kept in memory for the
 * sandbox's one app (every bearer token is the same app here, as all tokens of one X app share its rules). Shapes as
 * on X: {@code {"add":[{"value","tag"}]}} or {@code {"delete":{"ids":[...]}}} (or {@code "values"}), {@code dry_run},
 * {@code meta.summary}; a rule whose value is already there is a {@code DuplicateRule} error and not created; a rule
 * over {@value #MAX_LENGTH} characters (pay-per-use), with unbalanced parentheses or quotes, or with nothing but
 * negations makes the whole request fail with 400 and nothing changed; at most {@value #MAX_RULES} rules.
 * {@link #rules()} is what the sandbox's stream matches against.
 */
@Path("/2/tweets/search/stream/rules")
@Produces("application/json; charset=utf-8")
@Singleton
@Tag(name = "X API v2", description = "Filtered stream rules")
public class XStreamRulesResource {

    static final int MAX_LENGTH = 1024;
    static final int MAX_RULES = 1000;
    private static final Logger LOG = Logger.getLogger(XStreamRulesResource.class);

    /** One rule as X shows it. */
    public record Rule(String id, String value, String tag) {
    }

    private final TreeMap<String, Rule> rules = new TreeMap<>();
    private final ObjectMapper mapper;

    XStreamRulesResource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The rules in force, oldest first. */
    public synchronized List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("ids") String ids,
            @QueryParam("max_results") Integer maxResults, @QueryParam("pagination_token") String paginationToken) {
        if (bearer(authorization).isEmpty()) {
            return unauthorized();
        }
        int max = maxResults == null ? 1000 : maxResults;
        if (max < 1 || max > 1000) {
            return invalidRequest("max_results", String.valueOf(maxResults),
                    "The `max_results` query parameter value [" + maxResults + "] is not between 1 and 1000");
        }
        List<Rule> chosen;
        synchronized (this) {
            chosen = ids == null || ids.isBlank() ? new ArrayList<>(rules.values())
                    : Arrays.stream(ids.split(",")).map(String::strip).map(rules::get)
                            .filter(java.util.Objects::nonNull).toList();
        }
        int from = 0;
        if (paginationToken != null) {
            try {
                from = Integer.parseInt(paginationToken);
            } catch (NumberFormatException e) {
                return invalidRequest("pagination_token", paginationToken, "Invalid pagination_token");
            }
        }
        List<Rule> page = chosen.subList(Math.min(from, chosen.size()), Math.min(from + max, chosen.size()));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("sent", sent());
        meta.put("result_count", page.size());
        if (from + max < chosen.size()) {
            meta.put("next_token", String.valueOf(from + max));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            body.put("data", page);
        }
        body.put("meta", meta);
        return Response.ok(body).type(JSON).build();
    }

    @POST
    public Response change(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("dry_run") boolean dryRun, String body) {
        if (bearer(authorization).isEmpty()) {
            return unauthorized();
        }
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject() || json.has("add") == json.has("delete")) {
            return invalidRequest(null, null, "Request body must hold exactly one of `add` or `delete`.");
        }
        return json.has("add") ? add(json.get("add"), dryRun) : delete(json.get("delete"), dryRun);
    }

    private synchronized Response add(JsonNode add, boolean dryRun) {
        if (!add.isArray() || add.isEmpty()) {
            return invalidRequest("add", add.toString(), "The `add` field must be a non-empty array of rules.");
        }
        List<Map<String, Object>> invalid = new ArrayList<>();
        List<Map<String, Object>> duplicates = new ArrayList<>();
        List<Rule> created = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode entry : add) {
            String value = entry.path("value").isTextual() ? entry.path("value").asText() : null;
            String tag = entry.path("tag").isTextual() ? entry.path("tag").asText() : null;
            String problem = problem(value);
            if (problem != null) {
                invalid.add(error(value, null, "UnprocessableEntity",
                        "https://api.twitter.com/2/problems/invalid-rules", problem));
                continue;
            }
            Optional<Rule> existing = rules.values().stream().filter(r -> r.value().equals(value)).findFirst();
            if (existing.isPresent() || seen.contains(value)) {
                duplicates.add(error(value, existing.map(Rule::id).orElse(null), "DuplicateRule",
                        "https://api.twitter.com/2/problems/duplicate-rules", null));
                continue;
            }
            seen.add(value);
            created.add(new Rule(Ids.next(), value, tag));
        }
        if (rules.size() + created.size() > MAX_RULES && invalid.isEmpty()) {
            invalid.add(error(null, null, "RulesCapExceeded", "https://api.twitter.com/2/problems/rule-cap",
                    "Adding these rules would exceed the limit of " + MAX_RULES + " rules"));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        boolean apply = invalid.isEmpty() && !dryRun;
        summary.put("created", apply ? created.size() : 0);
        summary.put("not_created", apply ? duplicates.size() : add.size());
        summary.put("valid", add.size() - invalid.size());
        summary.put("invalid", invalid.size());
        Map<String, Object> response = new LinkedHashMap<>();
        if (invalid.isEmpty() && !created.isEmpty()) {
            response.put("data", created);
        }
        response.put("meta", Map.of("sent", sent(), "summary", summary));
        List<Map<String, Object>> errors = new ArrayList<>(invalid);
        errors.addAll(duplicates);
        if (!errors.isEmpty()) {
            response.put("errors", errors);
        }
        if (!invalid.isEmpty()) {
            response.put("title", "Invalid Request");
            response.put("detail", "One or more parameters to your request was invalid.");
            response.put("type", "https://api.twitter.com/2/problems/invalid-request");
            return Response.status(400).type(JSON).entity(response).build();
        }
        if (apply) {
            created.forEach(rule -> rules.put(rule.id(), rule));
            LOG.infof("X stream rules: %d added, %d in force", created.size(), rules.size());
        }
        return Response.status(created.isEmpty() ? 200 : 201).type(JSON).entity(response).build();
    }

    private synchronized Response delete(JsonNode delete, boolean dryRun) {
        JsonNode ids = delete.path("ids");
        JsonNode values = delete.path("values");
        if (!(ids.isArray() && !ids.isEmpty()) && !(values.isArray() && !values.isEmpty())) {
            return invalidRequest("delete", delete.toString(), "The `delete` field must hold `ids` or `values`.");
        }
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (JsonNode id : ids) {
            if (rules.containsKey(id.asText())) {
                found.add(id.asText());
            } else {
                errors.add(error(null, id.asText(), "Not Found Error",
                        "https://api.twitter.com/2/problems/resource-not-found", "Rule does not exist"));
            }
        }
        for (JsonNode value : values) {
            Optional<Rule> rule = rules.values().stream().filter(r -> r.value().equals(value.asText())).findFirst();
            if (rule.isPresent()) {
                found.add(rule.get().id());
            } else {
                errors.add(error(value.asText(), null, "Not Found Error",
                        "https://api.twitter.com/2/problems/resource-not-found", "Rule does not exist"));
            }
        }
        if (!dryRun) {
            found.forEach(rules::remove);
            LOG.infof("X stream rules: %d deleted, %d in force", found.size(), rules.size());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("meta", Map.of("sent", sent(), "summary", Map.of("deleted", dryRun ? 0 : found.size(),
                "not_deleted", errors.size() + (dryRun ? found.size() : 0))));
        if (!errors.isEmpty()) {
            response.put("errors", errors);
        }
        return Response.ok(response).type(JSON).build();
    }

    /** Why X would refuse this rule value, or null. Only the checks a translator can get wrong. */
    static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "A rule must have a non-empty value";
        }
        if (value.length() > MAX_LENGTH) {
            return "Rule length is " + value.length() + ", which exceeds the maximum of " + MAX_LENGTH;
        }
        int depth = 0;
        boolean quoted = false;
        boolean positive = false;
        boolean tokenStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return "Unbalanced parentheses";
            }
            if (tokenStart && !quoted && c == '-' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
                return "Negating a group of operators is not supported";
            }
            if (tokenStart && c != '-' && c != '(' && c != ')' && !Character.isWhitespace(c)
                    && !value.startsWith("lang:", i) && !value.startsWith("OR ", i)) {
                positive = true;
            }
            tokenStart = !quoted && (Character.isWhitespace(c) || c == '(');
        }
        if (quoted) {
            return "Unbalanced quotes";
        }
        if (depth != 0) {
            return "Unbalanced parentheses";
        }
        if (!positive) {
            return "Rules must contain at least one positive, non-stopword clause";
        }
        return null;
    }

    private static Map<String, Object> error(String value, String id, String title, String type, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (value != null) {
            error.put("value", value);
        }
        if (id != null) {
            error.put("id", id);
        }
        error.put("title", title);
        error.put("type", type);
        if (detail != null) {
            error.put("details", List.of(detail));
        }
        return error;
    }

    private static String sent() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Response invalidRequest(String parameter, String value, String message) {
        return XResponses.invalidRequest(parameter, value, message).type(JSON).build();
    }
}
