package org.clearpost.monitoring.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.testing.NetworkSandboxServer;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The stream rules follow the tracked queries on the real sandbox's X rules endpoint, over HTTP. */
@QuarkusTest
@TestProfile(XStreamRulesSyncTest.WithXRules.class)
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(NetworkSandboxServer.class)
class XStreamRulesSyncTest {

    static final String TOKEN = "test-x-app-token";

    public static class WithXRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clearpost.monitoring.x-rules.base-url", "${clearpost.test.sandbox-url}",
                    "clearpost.monitoring.x-rules.bearer-token", TOKEN,
                    "clearpost.monitoring.x-rules.retry-delay", "200ms");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JsonNode sandbox(String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(NetworkSandboxServer.url() + "/2/tweets/search/stream/rules"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    /** The sandbox's rules, value by tag. */
    private static Map<String, String> rules() throws Exception {
        Map<String, String> byTag = new HashMap<>();
        sandbox("GET", null).path("data").forEach(r -> byTag.put(r.path("tag").asText(), r.path("value").asText()));
        return byTag;
    }

    private static String send(String method, String path, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.forUser("mo", "monitor")).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path).then().statusCode(method.equals("POST") && body != null ? 201 : 200)
                .extract().path("id");
    }

    @Test
    void rulesFollowTheQueriesAndOthersRulesAreLeftAlone() throws Exception {
        sandbox("POST", "{\"add\":[{\"value\":\"@clearpost_council\",\"tag\":\"mentions of the body\"}]}");
        String word = "zx" + UUID.randomUUID().toString().substring(0, 8);

        String id = send("POST", "/queries", Map.of("name", "X rule", "purpose", "BODY",
                "query", "(" + word + " OR \"information commissioner\") -spam"));
        String facebookOnly = send("POST", "/queries", Map.of("name", "Facebook only", "purpose", "OTHER",
                "query", word + " network:facebook"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> ("(" + word + " OR \"information commissioner\") -spam").equals(rules().get(id)));
        assertThat(rules()).doesNotContainKey(facebookOnly).containsEntry("mentions of the body",
                "@clearpost_council");

        send("PUT", "/queries/" + id, Map.of("name", "X rule", "purpose", "BODY", "query", word + " NEAR/3 fine"));
        await().atMost(Duration.ofSeconds(20)).until(() -> (word + " fine").equals(rules().get(id)));

        send("POST", "/queries/" + id + "/retire", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> !rules().containsKey(id));
        assertThat(rules()).containsEntry("mentions of the body", "@clearpost_council");
    }

    @Test
    void aRuleRemovedBehindItsBackIsPutBackAtTheNextChange() throws Exception {
        String word = "zy" + UUID.randomUUID().toString().substring(0, 8);
        String id = send("POST", "/queries", Map.of("name", "Kept", "purpose", "HEAD", "query", word));
        await().atMost(Duration.ofSeconds(20)).until(() -> word.equals(rules().get(id)));
        String ruleId = null;
        for (JsonNode rule : sandbox("GET", null).path("data")) {
            if (rule.path("tag").asText().equals(id)) {
                ruleId = rule.path("id").asText();
            }
        }
        JsonNode deleted = sandbox("POST", "{\"delete\":{\"ids\":[\"" + ruleId + "\"]}}");
        assertThat(deleted.path("meta").path("summary").path("deleted").asInt()).isEqualTo(1);

        send("POST", "/queries", Map.of("name", "Another", "purpose", "OTHER", "query", word + "other"));
        await().atMost(Duration.ofSeconds(20)).until(() -> word.equals(rules().get(id)));
        assertThat(List.copyOf(rules().values())).filteredOn(word::equals).hasSize(1);
    }
}
