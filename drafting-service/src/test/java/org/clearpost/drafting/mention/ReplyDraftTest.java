package org.clearpost.drafting.mention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.drafting.Channels;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.EventType;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionReplyRequested;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Monitoring's MentionReplyRequested, sent to the real broker as monitoring's outbox would, becomes a submitted post. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReplyDraftTest {

    private static final String MONITOR = "mo";
    private static final String ACCOUNT = "clearpost.bsky.social";

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestedReplyIsDraftedWithTheReplyIdAndSubmittedToClearance() {
        UUID mentionId = UUID.randomUUID();
        ExternalPost mention = mentionReceived(mentionId);
        UUID replyId = UUID.randomUUID();

        kafka.sender().send(request(replyId, mention, "Thanks Sam: the guidance is at https://ico.org.uk/sar"));

        await().atMost(Duration.ofSeconds(30)).until(() -> exists(replyId));
        JsonPath post = post(replyId);
        assertThat(post.getString("status")).isEqualTo("IN_CLEARANCE");
        assertThat(post.getString("author")).isEqualTo(MONITOR);
        assertThat(post.getString("text")).isEqualTo("Thanks Sam: the guidance is at https://ico.org.uk/sar");
        assertThat(post.getString("replyToMentionId")).isEqualTo(mentionId.toString());
        assertThat(post.getList("targets.network")).containsExactly("BLUESKY");
        assertThat(post.getList("targets.account")).containsExactly(ACCOUNT);

        PostDrafted drafted = drafted(replyId).get(0);
        assertThat(drafted.author()).isEqualTo(MONITOR);
        assertThat(drafted.version()).isEqualTo(1);
        assertThat(drafted.replyTo()).isEqualTo(mention);
        assertThat(drafted.targets()).singleElement().satisfies(t -> {
            assertThat(t.network()).isEqualTo(Network.BLUESKY);
            assertThat(t.account()).isEqualTo(ACCOUNT);
        });
    }

    @Test
    void theSameReplyRequestedTwiceIsOnePostSubmittedOnce() throws Exception {
        ExternalPost mention = mentionReceived(UUID.randomUUID());
        UUID replyId = UUID.randomUUID();
        MentionReplyRequested request = request(replyId, mention, "We have answered this in our FAQ");

        ProducerRecord<String, String> first = kafka.sender().send(request);
        await().atMost(Duration.ofSeconds(30)).until(() -> exists(replyId));
        kafka.sender().send(first); // the same CloudEvent again, as after a consumer crash before its offset commit
        ProducerRecord<String, String> again = kafka.sender().send(request); // re-sent under a new event id
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(again));

        assertThat(count("SELECT count(*) FROM post WHERE id = ?::uuid", replyId.toString())).isEqualTo(1);
        assertThat(kafka.reader().readAll(Topics.DRAFTING_POSTS, Duration.ofSeconds(2)))
                .filteredOn(r -> replyId.toString().equals(r.key())).hasSize(1);
        assertThat(post(replyId).getInt("version")).isEqualTo(1);
    }

    /** A mention drafting never heard of (its MentionReceived came before drafting listened) can still be answered. */
    @Test
    void aReplyToAMentionDraftingNeverHeardOfNamesItFromTheRequest() {
        UUID mentionId = UUID.randomUUID();
        ExternalPost mention = new ExternalPost(Network.BLUESKY, "at://did:plc:unheard/post/7", "did:plc:unheard",
                "https://bsky.app/profile/unheard.example/post/7", mentionId);
        UUID replyId = UUID.randomUUID();

        kafka.sender().send(request(replyId, mention, "Thank you, we will look into it"));

        await().atMost(Duration.ofSeconds(30)).until(() -> exists(replyId));
        assertThat(post(replyId).getString("status")).isEqualTo("IN_CLEARANCE");
        assertThat(drafted(replyId).get(0).replyTo()).isEqualTo(mention);
    }

    /** Bluesky takes 300 graphemes: the reply stays a draft for its owner to shorten, nothing goes to clearance. */
    @Test
    void aReplyBreakingTheNetworksRulesStaysADraft() throws Exception {
        ExternalPost mention = mentionReceived(UUID.randomUUID());
        UUID replyId = UUID.randomUUID();

        ProducerRecord<String, String> sent = kafka.sender().send(request(replyId, mention, "x".repeat(400)));

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(sent));
        JsonPath post = post(replyId);
        assertThat(post.getString("status")).isEqualTo("DRAFT");
        assertThat(post.getString("author")).isEqualTo(MONITOR);
        assertThat(post.getList("problems")).isNotEmpty();
        List<ConsumerRecord<String, String>> all = kafka.reader().readAll(Topics.DRAFTING_POSTS, Duration.ofSeconds(2));
        assertThat(all).noneMatch(r -> replyId.toString().equals(r.key()));
    }

    private static ExternalPost mentionReceived(UUID mentionId) {
        String externalId = "at://did:plc:sam/post/" + mentionId;
        String url = "https://bsky.app/profile/sam.example/post/" + mentionId;
        kafka.sender().send(new MentionReceived(mentionId, Network.BLUESKY, externalId, ACCOUNT, "did:plc:sam", "Sam",
                "Where is the guidance on subject access?", url, Instant.parse("2026-11-29T10:00:00Z"),
                Instant.parse("2026-11-29T10:00:05Z")));
        return new ExternalPost(Network.BLUESKY, externalId, "did:plc:sam", url, mentionId);
    }

    private static MentionReplyRequested request(UUID replyId, ExternalPost mention, String text) {
        return new MentionReplyRequested(replyId, mention, ACCOUNT, List.of(mention.mentionId()), null, text, MONITOR,
                Instant.now());
    }

    private static List<PostDrafted> drafted(UUID replyId) {
        return kafka.reader().awaitRecords(Topics.DRAFTING_POSTS, r -> replyId.toString().equals(r.key()),
                Duration.ofSeconds(30)).stream()
                .map(r -> (PostDrafted) CloudEventAssertions.assertCloudEvent(r, EventType.POST_DRAFTED,
                        "/clearpost/drafting-service"))
                .toList();
    }

    private static JsonPath post(UUID id) {
        return given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private boolean exists(UUID postId) throws Exception {
        return count("SELECT count(*) FROM post WHERE id = ?::uuid AND submitted_at IS NOT NULL",
                postId.toString()) == 1;
    }

    private boolean processed(ProducerRecord<String, String> record) throws Exception {
        String eventId = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        return count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Channels.CONSUMER, eventId) == 1;
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
