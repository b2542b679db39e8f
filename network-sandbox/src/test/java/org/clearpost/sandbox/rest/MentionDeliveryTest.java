package org.clearpost.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivers to a real HTTP receiver on loopback and checks what arrived, byte for byte. */
@QuarkusTest
@WithTestResource(FreePortWebhook.class)
class MentionDeliveryTest {

    private static final String PAGE = "104523456789012";

    record Received(String path, String contentType, String signature, byte[] body) {
    }

    @ConfigProperty(name = "clearpost.sandbox.webhook-url")
    String webhookUrl;

    @ConfigProperty(name = "clearpost.sandbox.facebook-app-secret")
    String appSecret;

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer receiver;

    private void startReceiver() throws Exception {
        URI uri = URI.create(webhookUrl);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", uri.getPort()), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"), body));
            byte[] reply = "EVENT_RECEIVED".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
            receiver = null;
        }
    }

    private static Response mention(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/sandbox/mentions");
    }

    /** Computed here with javax.crypto, independently of the sandbox's signer. */
    private String expectedSignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void commentIsDeliveredSignedOverTheRawBytes() throws Exception {
        startReceiver();

        Response response = mention(Map.of("network", "facebook", "pageId", PAGE, "authorId", "5550001",
                "authorName", "Jo Resident", "message", "When does the tip reopen? 🚮", "postId", "987654321"));

        response.then().statusCode(202)
                .body("delivered", equalTo(true))
                .body("webhookStatus", equalTo(200))
                .body("webhookResponse", equalTo("EVENT_RECEIVED"))
                .body("webhookUrl", equalTo(webhookUrl))
                .body("payload.object", equalTo("page"))
                .body("payload.entry[0].id", equalTo(PAGE))
                .body("payload.entry[0].changes[0].field", equalTo("feed"))
                .body("payload.entry[0].changes[0].value.item", equalTo("comment"))
                .body("payload.entry[0].changes[0].value.verb", equalTo("add"))
                .body("payload.entry[0].changes[0].value.post_id", equalTo(PAGE + "_987654321"))
                .body("payload.entry[0].changes[0].value.parent_id", equalTo(PAGE + "_987654321"))
                .body("payload.entry[0].changes[0].value.comment_id", matchesPattern("987654321_\\d+"))
                .body("payload.entry[0].changes[0].value.from.id", equalTo("5550001"))
                .body("payload.entry[0].changes[0].value.from.name", equalTo("Jo Resident"))
                .body("payload.entry[0].changes[0].value.message", equalTo("When does the tip reopen? 🚮"));

        Received got = received.poll(5, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.path()).isEqualTo("/webhooks/facebook");
        assertThat(got.contentType()).isEqualTo("application/json");
        assertThat(got.signature()).isEqualTo(expectedSignature(got.body()));
        assertThat(response.<String>path("signature")).isEqualTo(got.signature());
        // What the receiver got is what the sandbox says it sent.
        ObjectMapper mapper = new ObjectMapper();
        JsonNode sent = mapper.readTree(got.body());
        assertThat(sent).isEqualTo(mapper.readTree(response.asString()).get("payload"));
        assertThat(sent.at("/entry/0/time").isIntegralNumber()).isTrue();
        assertThat(sent.at("/entry/0/changes/0/value/created_time").isIntegralNumber()).isTrue();
    }

    @Test
    void visitorPostWithoutPostIdIsAStatusItem() throws Exception {
        startReceiver();

        mention(Map.of("network", "facebook", "pageId", PAGE, "authorId", "5550002", "message", "Great event!"))
                .then().statusCode(202)
                .body("payload.entry[0].changes[0].value.item", equalTo("status"))
                .body("payload.entry[0].changes[0].value.post_id", matchesPattern(PAGE + "_\\d+"));
        Received got = received.poll(5, TimeUnit.SECONDS);
        assertThat(got.signature()).isEqualTo(expectedSignature(got.body()));
    }

    @Test
    void aWebhookThatAnswersAnErrorStillCountsAsDelivered() throws Exception {
        startReceiver();
        answer.set(403);

        mention(Map.of("network", "facebook", "pageId", PAGE, "authorId", "1", "message", "hi"))
                .then().statusCode(202).body("delivered", equalTo(true)).body("webhookStatus", equalTo(403));
    }

    @Test
    void unreachableWebhookIs502WithDetail() {
        // Nothing listens on the configured port in this test.
        mention(Map.of("network", "facebook", "pageId", PAGE, "authorId", "1", "message", "anyone there?"))
                .then().statusCode(502)
                .body("delivered", equalTo(false))
                .body("webhookStatus", equalTo(null))
                .body("error", containsString("could not connect"))
                .body("payload.object", equalTo("page"));
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsSent() {
        mention(Map.of("network", "x", "pageId", PAGE, "authorId", "1", "message", "hi")).then().statusCode(400);
        mention(Map.of("network", "facebook", "pageId", PAGE, "authorId", "1")).then().statusCode(400);
        given().contentType(ContentType.JSON).post("/sandbox/mentions").then().statusCode(400);
        assertThat(received).isEmpty();
    }
}
