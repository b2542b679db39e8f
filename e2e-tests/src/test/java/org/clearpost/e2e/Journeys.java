package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.local.Component;
import org.clearpost.testing.KafkaTopicReader;

/** What Communications staff do through the services' APIs, and how the tests look at the outcome. */
final class Journeys {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RunningPlatform platform;

    Journeys(RunningPlatform platform) {
        this.platform = platform;
    }

    /**
     * An admin connects one of the body's X accounts. The sandbox first plays X's OAuth grant, so the token acts for
     * that X user as a real grant would; the publisher keeps the token encrypted.
     */
    void connectXAccount(String handle, String token) {
        platform.anonymous(Component.SANDBOX).body(Map.of("token", token, "username", handle))
                .post("/sandbox/x/users").then().statusCode(200);
        platform.as("ada", Component.PUBLISHER).body(Map.of("accessToken", token))
                .put("/accounts/X/{account}/token", handle).then().statusCode(200);
    }

    /** An admin connects one of the body's Facebook pages; the sandbox accepts any page token. */
    void connectFacebookPage(String pageId, String token) {
        platform.as("ada", Component.PUBLISHER).body(Map.of("accessToken", token))
                .put("/accounts/FACEBOOK/{account}/token", pageId).then().statusCode(200);
    }

    /**
     * An admin connects the body's account on {@code network} the way the network expects: its OAuth flow, started
     * from the publisher (the sandbox's authorization server consents as the account's admin would and sends the
     * browser back to the publisher's callback), or for Bluesky an app password, from which the publisher makes its
     * sessions.
     */
    void connect(Network network, String account) {
        if (network == Network.BLUESKY) {
            platform.as("ada", Component.PUBLISHER).body(Map.of("accessToken", "e2e-bluesky-app-password"))
                    .put("/accounts/BLUESKY/{account}/token", account).then().statusCode(200);
            return;
        }
        String authorizationUrl = platform.as("ada", Component.PUBLISHER)
                .post("/accounts/{network}/{account}/connect", network.name(), account).then().statusCode(201)
                .extract().path("authorizationUrl");
        // The admin's browser: the network's consent page answers with a redirect to the publisher's callback.
        // The URLs are used as the network wrote them: already encoded, so REST Assured must not encode them again.
        String callback = given().urlEncodingEnabled(false).redirects().follow(false).get(authorizationUrl).then()
                .statusCode(302).extract().header("Location");
        given().urlEncodingEnabled(false).redirects().follow(false).accept(ContentType.JSON).get(callback).then()
                .statusCode(200)
                .body("network", equalTo(network.name())).body("account", equalTo(account));
    }

    /** Dana uploads a media file to drafting's library; its id, to put on targets. */
    UUID uploadedMedia(String fileName, byte[] bytes, String contentType, String altText) {
        var request = platform.as("dana", Component.DRAFTING).contentType("multipart/form-data")
                .multiPart("file", fileName, bytes, contentType);
        if (altText != null) {
            request = request.multiPart("altText", altText);
        }
        return UUID.fromString(request.post("/media").then().statusCode(201).extract().path("id"));
    }

    /** Dana drafts a post from this request body and submits it for clearance. */
    UUID draftedAndSubmitted(Map<String, Object> post) {
        UUID postId = UUID.fromString(platform.as("dana", Component.DRAFTING).body(post)
                .post("/posts").then().statusCode(201).extract().path("id"));
        platform.as("dana", Component.DRAFTING).post("/posts/{id}/submit", postId).then().statusCode(200)
                .body("status", equalTo("IN_CLEARANCE"));
        return postId;
    }

    /** The clearance case opened for the post, once clearance has heard of it. */
    String awaitCase(UUID postId) {
        return await().atMost(PATIENCE).until(() -> {
            List<String> ids = platform.as("colin", Component.CLEARANCE).queryParam("postId", postId)
                    .get("/clearances").then().statusCode(200).extract().path("id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    JsonPath post(UUID postId) {
        return platform.as("dana", Component.DRAFTING).get("/posts/{id}", postId).then().statusCode(200).extract()
                .jsonPath();
    }

    void awaitPostStatus(UUID postId, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(post(postId).getString("status")));
    }

    /** Everything the network sandbox holds, oldest first. */
    List<Map<String, Object>> heldInSandbox() {
        return platform.anonymous(Component.SANDBOX).get("/sandbox/posts").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    /** What the network sandbox holds with exactly this text. */
    List<Map<String, Object>> heldInSandbox(String text) {
        return heldInSandbox().stream().filter(p -> text.equals(p.get("text"))).toList();
    }

    List<ConsumerRecord<String, String>> records(String topic, UUID postId) {
        return platform.kafka().awaitRecords(topic, r -> postId.toString().equals(r.key()), PATIENCE);
    }

    ConsumerRecord<String, String> onlyRecord(String topic, UUID postId) {
        List<ConsumerRecord<String, String>> records = records(topic, postId);
        assertThat(records).as("records keyed %s on %s", postId, topic).hasSize(1);
        return records.get(0);
    }

    /**
     * The one event of {@code type} about the post: its topic may carry others about it (the decisions topic also
     * has clearance's ClearanceCaseOpened).
     */
    ConsumerRecord<String, String> onlyRecord(EventType type, UUID postId) {
        List<ConsumerRecord<String, String>> records = platform.kafka().awaitRecords(type.topic(),
                r -> postId.toString().equals(r.key())
                        && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), PATIENCE);
        assertThat(records).as("%s records keyed %s on %s", type, postId, type.topic()).hasSize(1);
        return records.get(0);
    }
}
