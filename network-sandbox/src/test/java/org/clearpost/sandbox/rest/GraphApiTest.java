package org.clearpost.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.clearpost.sandbox.domain.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GraphApiTest {

    private static final String PAGE = "104523456789012";
    private final String token = "page-token-" + UUID.randomUUID();

    @BeforeEach
    void reset() {
        given().delete("/sandbox/posts").then().statusCode(204);
    }

    @Test
    void formPostWithVersionPrefixAndAccessTokenField() throws Exception {
        Response response = given().formParam("message", "Library closed Monday, reopens Tuesday & later")
                .formParam("access_token", token)
                .post("/v23.0/" + PAGE + "/feed");

        response.then().statusCode(200).contentType(ContentType.JSON)
                .body("id", matchesPattern(PAGE + "_\\d+"));
        JsonNode usage = new ObjectMapper().readTree(response.header("X-App-Usage"));
        assertThat(usage.fieldNames()).toIterable().containsExactly("call_count", "total_time", "total_cputime");
        assertThat(usage.get("call_count").asInt()).isBetween(0, 100);

        String id = response.path("id");
        given().queryParam("network", "facebook").get("/sandbox/posts").then()
                .body("size()", equalTo(1))
                .body("[0].network", equalTo("facebook"))
                .body("[0].id", equalTo(id))
                .body("[0].pageId", equalTo(PAGE))
                .body("[0].text", equalTo("Library closed Monday, reopens Tuesday & later"))
                .body("[0].tokenFingerprint", equalTo(Tokens.fingerprint(token)));
    }

    @Test
    void jsonPostWithoutVersionAndBearerHeader() {
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("message", "Consultation open", "link", "https://example.gov.uk/consult"))
                .post("/" + PAGE + "/feed")
                .then().statusCode(200).header("X-App-Usage", notNullValue())
                .body("id", matchesPattern(PAGE + "_\\d+"));

        given().get("/sandbox/posts").then()
                .body("[0].text", equalTo("Consultation open"))
                .body("[0].link", equalTo("https://example.gov.uk/consult"));
    }

    @Test
    void queryParametersAndMultipartAreAcceptedToo() {
        given().queryParam("message", "From the query").queryParam("access_token", token)
                .post("/v23.0/" + PAGE + "/feed").then().statusCode(200);
        given().multiPart("message", "From multipart").multiPart("access_token", token)
                .post("/" + PAGE + "/feed").then().statusCode(200);

        given().get("/sandbox/posts").then().body("text", org.hamcrest.Matchers.contains("From the query",
                "From multipart"));
    }

    @Test
    void missingTokenIsGraphsOAuthException() {
        given().formParam("message", "no token").post("/v23.0/" + PAGE + "/feed").then()
                .statusCode(400)
                .header("WWW-Authenticate", matchesPattern("OAuth \"Facebook Platform\" \"invalid_request\".*"))
                .body("error.message", equalTo("An access token is required to request this resource."))
                .body("error.type", equalTo("OAuthException"))
                .body("error.code", equalTo(104))
                .body("error.fbtrace_id", matchesPattern("[A-Za-z0-9]{11}"));
        given().header("Authorization", "Bearer  ").formParam("message", "blank")
                .post("/" + PAGE + "/feed").then().statusCode(400).body("error.code", equalTo(104));
        given().get("/sandbox/posts").then().body("size()", equalTo(0));
    }

    @Test
    void expiredTokenIsCode190() {
        given().formParam("message", "x").formParam("access_token", Tokens.EXPIRED_PREFIX + "-abc")
                .post("/v23.0/" + PAGE + "/feed").then()
                .statusCode(400)
                .body("error.type", equalTo("OAuthException"))
                .body("error.code", equalTo(190))
                .body("error.error_subcode", equalTo(463));
    }

    @Test
    void postWithoutMessageOrLinkIsCode100() {
        given().formParam("access_token", token).post("/v23.0/" + PAGE + "/feed").then()
                .statusCode(400)
                .body("error.message", equalTo("(#100) Missing message or attachment"))
                .body("error.code", equalTo(100));
    }
}
