package org.clearpost.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Target;
import org.clearpost.testing.KafkaEventSender;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class FiguresResourceTest {

    private static final String ANA = TestTokens.forUser("ana", "analyst");
    private static final String DRAFTED = "clearpost.post.drafted.v1";
    private static final String PUBLISHED = "clearpost.post.published.v1";
    private static final String MENTION = "clearpost.mention.received.v1";

    @Test
    void countsEveryEventOnceByTypeAndNetwork() {
        JsonPath before = counts();
        UUID postId = UUID.randomUUID();
        Target x = new Target(UUID.randomUUID(), Network.X, "clearpost_demo");
        Target facebook = new Target(UUID.randomUUID(), Network.FACEBOOK, "1234567890");

        try (KafkaEventSender sender = KafkaEventSender.fromConfig()) {
            sender.send(new PostDrafted(postId, 1, "sha256:" + "0".repeat(64), "dana", "Hello",
                    List.of(x, facebook), null, null, null, null, null, null, List.of(), Instant.now()));
            ProducerRecord<String, String> published = sender.send(new PostPublished(postId, 1, x.targetId(),
                    Network.X, x.account(), "1790", "https://x.com/clearpost_demo/status/1790", false,
                    Instant.now()));
            sender.send(published); // redelivered: must not count twice
            sender.send(new MentionReceived(UUID.randomUUID(), Network.FACEBOOK, "1_2", "1234567890", "7", "A Citizen",
                    "When do you open?", "https://www.facebook.com/1_2", Instant.now(), Instant.now()));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> counts().getLong("total") >= before.getLong("total") + 3);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> counts().getLong("total") == before.getLong("total") + 3);
        JsonPath after = counts();
        assertGrew(before, after, "byType.'" + DRAFTED + "'", 1);
        assertGrew(before, after, "byType.'" + PUBLISHED + "'", 1);
        assertGrew(before, after, "byType.'" + MENTION + "'", 1);
        assertGrew(before, after, "byNetwork.X.'" + DRAFTED + "'", 1);
        assertGrew(before, after, "byNetwork.FACEBOOK.'" + DRAFTED + "'", 1);
        assertGrew(before, after, "byNetwork.X.'" + PUBLISHED + "'", 1);
        assertGrew(before, after, "byNetwork.FACEBOOK.'" + MENTION + "'", 1);
    }

    @Test
    void figuresAreForAnalystsAndAdmins() {
        given().get("/figures/counts").then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("dana", "drafter")).get("/figures/counts").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("ada", "admin")).get("/figures/counts").then().statusCode(200);
    }

    private static JsonPath counts() {
        return given().auth().oauth2(ANA).get("/figures/counts").then().statusCode(200).extract().jsonPath();
    }

    private static void assertGrew(JsonPath before, JsonPath after, String path, long by) {
        long was = before.get(path) == null ? 0 : before.getLong(path);
        org.assertj.core.api.Assertions.assertThat(after.getLong(path)).as(path).isEqualTo(was + by);
    }
}
