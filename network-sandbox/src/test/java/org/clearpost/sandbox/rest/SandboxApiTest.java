package org.clearpost.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inspection, reset and the platform endpoints (health, metrics, OpenAPI). */
@QuarkusTest
class SandboxApiTest {

    @BeforeEach
    void reset() {
        given().delete("/sandbox/posts").then().statusCode(204);
    }

    @Test
    void listsFiltersFindsAndResets() {
        given().header("Authorization", "Bearer t").contentType(ContentType.JSON).body(Map.of("text", "on x"))
                .post("/2/tweets").then().statusCode(201);
        given().formParam("message", "on facebook").formParam("access_token", "t").post("/42/feed").then()
                .statusCode(200);

        given().get("/sandbox/posts").then().statusCode(200).body("network", org.hamcrest.Matchers.contains("x",
                "facebook"));
        given().queryParam("network", "facebook").get("/sandbox/posts").then().body("size()", equalTo(1));
        given().queryParam("network", "myspace").get("/sandbox/posts").then().statusCode(400)
                .body("error", containsString("myspace"));
        given().get("/sandbox/posts/nope").then().statusCode(404);

        given().delete("/sandbox/posts").then().statusCode(204);
        given().get("/sandbox/posts").then().body("size()", equalTo(0));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", "Bearer t").contentType(ContentType.JSON).body(Map.of("text", "metric"))
                .post("/2/tweets").then().statusCode(201);
        given().get("/q/metrics").then().statusCode(200).body(containsString("sandbox_posts_held_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/2/tweets"))
                .body(containsString("/sandbox/mentions"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
