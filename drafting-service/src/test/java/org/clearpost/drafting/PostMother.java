package org.clearpost.drafting;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.testing.TestTokens;

/** Posts as a drafter would write them, created through the real API. */
public final class PostMother {

    public static final String DRAFTER = "dana";

    private PostMother() {
    }

    public static Map<String, Object> twoNetworkPost() {
        return Map.of("text", "Our new guidance on subject access requests is out: https://ico.org.uk/sar",
                "targets", List.of(Map.of("network", "X", "account", "clearpost_demo"),
                        Map.of("network", "FACEBOOK", "account", "1234567890")));
    }

    public static String drafterToken() {
        return TestTokens.forUser(DRAFTER, "drafter");
    }

    /** Creates a post as dana and returns its id. */
    public static UUID created(Map<String, Object> body) {
        return UUID.fromString(given().auth().oauth2(drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(201).extract().path("id"));
    }

    /** Creates and submits a post as dana and returns its id. */
    public static UUID submitted() {
        UUID id = created(twoNetworkPost());
        given().auth().oauth2(drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200);
        return id;
    }
}
