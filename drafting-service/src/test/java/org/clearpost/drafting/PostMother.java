package org.clearpost.drafting;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.testing.TestTokens;

/** Posts as a drafter would write them (request bodies of {@code POST /posts}), created through the real API. */
public final class PostMother {

    public static final String DRAFTER = "dana";
    public static final String TEXT = "Our new guidance on subject access requests is out: https://ico.org.uk/sar";

    private PostMother() {
    }

    /** Base text to an X account and a Facebook page; no variants. */
    public static Map<String, Object> twoNetworkPost() {
        return post(TEXT, target("X", "clearpost_demo"), target("FACEBOOK", "1234567890"));
    }

    /**
     * Every variant at once: a thread, an X target, a LinkedIn override with a first comment, a corporate X account
     * sharing the first, an essential reason and a repost.
     */
    public static Map<String, Object> variantPost() {
        Map<String, Object> linkedIn = target("LINKEDIN", "ico-company");
        linkedIn.put("text", "Subject access requests: our new guidance for organisations.");
        linkedIn.put("firstComment", "Read it here: https://ico.org.uk/sar");
        Map<String, Object> share = target("X", "ico_corporate");
        share.put("shares", "clearpost_demo");
        Map<String, Object> body = post(TEXT, target("X", "clearpost_demo"), linkedIn, share);
        body.put("threadParts", List.of("You can ask any organisation for a copy of your data. It is free."));
        body.put("essentialReason", "Statutory guidance people need to exercise their rights");
        body.put("repostOf", Map.of("network", "X", "externalId", "1790000000000000000", "author", "govuk",
                "url", "https://x.com/govuk/status/1790000000000000000"));
        return body;
    }

    public static Map<String, Object> post(String text, Map<String, Object>... targets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("targets", List.of(targets));
        return body;
    }

    public static Map<String, Object> target(String network, String account) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("network", network);
        target.put("account", account);
        return target;
    }

    /** The body with one more (or another) field. */
    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** Defines a campaign (X {@code ico_corporate} its share account) through the real API; returns its slug. */
    public static String campaign() {
        String slug = "sar-week-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(drafterToken()).contentType(ContentType.JSON).body(Map.of("name", "Subject Access Week",
                "slug", slug, "startsOn", "2027-01-25", "endsOn", "2027-01-31",
                "accounts", List.of(Map.of("network", "X", "account", "clearpost_demo")),
                "shareAccounts", List.of(Map.of("network", "X", "account", "ico_corporate"))))
                .post("/campaigns").then().statusCode(201);
        return slug;
    }

    /** Defines a live event through the real API and returns its id. */
    public static UUID liveEvent() {
        return UUID.fromString(given().auth().oauth2(drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Annual conference", "startsAt", "2027-05-10T09:00",
                        "endsAt", "2027-05-10T18:00", "hashtag", "ICOConf"))
                .post("/live-events").then().statusCode(201).extract().path("id"));
    }

    /** Uploads a PNG through the real API, with alt text when given, and returns its media id. */
    public static UUID image(byte[] png, String altText) {
        var request = given().auth().oauth2(drafterToken()).multiPart("file", "chart.png", png, "image/png");
        if (altText != null) {
            request.multiPart("altText", altText);
        }
        return UUID.fromString(request.post("/media").then().statusCode(201).extract().path("id"));
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
        return submitted(twoNetworkPost());
    }

    public static UUID submitted(Map<String, Object> body) {
        UUID id = created(body);
        given().auth().oauth2(drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200);
        return id;
    }
}
