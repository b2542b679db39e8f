package org.clearpost.drafting.mention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.drafting.PostMother;
import org.clearpost.drafting.Channels;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class KnownMentionsTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Inject
    KnownMentions mentions;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMentionFromMonitoringCanBeRepliedTo() {
        UUID id = UUID.randomUUID();
        kafka.sender().send(mention(id, "Is the new guidance out yet?"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mentions.find(id).isPresent());

        assertThat(mentions.find(id)).contains(new ExternalPost(Network.BLUESKY, "at://did:plc:abc/post/1",
                "did:plc:abc", "https://bsky.app/profile/sam.example/post/1", id));
        given().auth().oauth2(PostMother.drafterToken()).get("/mentions/{id}", id).then().statusCode(200)
                .body("text", equalTo("Is the new guidance out yet?"))
                .body("authorName", equalTo("Sam"))
                .body("account", equalTo("clearpost.bsky.social"));
    }

    @Test
    void aRedeliveredMentionIsRecordedOnce() throws Exception {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> first = kafka.sender().send(mention(id, "First words"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mentions.find(id).isPresent());

        kafka.sender().send(first); // the same CloudEvent again, as after a consumer crash before its offset commit
        // Monitoring reporting the same mention again under a new event id does not change what was recorded.
        ProducerRecord<String, String> again = kafka.sender().send(mention(id, "Edited words"));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(again));

        assertThat(rows(id)).isEqualTo(1);
        given().auth().oauth2(PostMother.drafterToken()).get("/mentions/{id}", id).then().statusCode(200)
                .body("text", equalTo("First words"));
    }

    /** Since issue 10 monitoring also reports posts that only match a tracked query: they name no account of ours. */
    @Test
    void aMentionThatOnlyMatchedATrackedQueryCanBeRepliedToToo() {
        UUID id = UUID.randomUUID();
        kafka.sender().send(new MentionReceived(id, Network.MASTODON, "109000000000000042", null, "42", "Kim",
                "What does the ICO say about this?", "https://mastodon.example/@kim/109000000000000042",
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:00:01Z"),
                java.util.List.of(UUID.randomUUID()), false, Instant.parse("2026-11-30T10:00:00.5Z")));

        await().atMost(Duration.ofSeconds(20)).until(() -> mentions.find(id).isPresent());
        given().auth().oauth2(PostMother.drafterToken()).get("/mentions/{id}", id).then().statusCode(200)
                .body("authorName", equalTo("Kim"))
                .body("account", equalTo(null));
    }

    @Test
    void anUnknownMentionIsNotFoundAndOnlyDraftersAsk() {
        UUID unknown = UUID.randomUUID();
        assertThat(mentions.find(unknown)).isEmpty();
        given().auth().oauth2(PostMother.drafterToken()).get("/mentions/{id}", unknown).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forUser("ann", "analyst")).get("/mentions/{id}", unknown).then()
                .statusCode(403);
    }

    private static MentionReceived mention(UUID id, String text) {
        return new MentionReceived(id, Network.BLUESKY, "at://did:plc:abc/post/1", "clearpost.bsky.social",
                "did:plc:abc", "Sam", text, "https://bsky.app/profile/sam.example/post/1",
                Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T10:00:05Z"));
    }

    private boolean processed(ProducerRecord<String, String> record) throws Exception {
        String eventId = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        return count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Channels.CONSUMER, eventId) == 1;
    }

    private long rows(UUID id) throws Exception {
        return count("SELECT count(*) FROM known_mention WHERE mention_id = ?::uuid", id.toString());
    }

    private long count(String sql, String... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
