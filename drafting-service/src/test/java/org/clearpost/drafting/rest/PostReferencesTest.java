package org.clearpost.drafting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.PostMother;
import org.clearpost.drafting.media.MediaMother;
import org.clearpost.events.EventType;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaEventSender;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** Posts that name campaigns, live events, mentions and media: checked on the way in, carried in PostDrafted. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostReferencesTest {

    @Test
    void everyReferenceToSomethingThatDoesNotExistIsNamed() {
        UUID knownImage = PostMother.image(MediaMother.png(2, 2), "A dot");
        Map<String, Object> x = PostMother.target("X", "clearpost_demo");
        x.put("mediaIds", List.of(knownImage, UUID.randomUUID()));
        Map<String, Object> body = PostMother.post(PostMother.TEXT, x);
        body.put("campaign", "no-such-campaign");
        body.put("liveEventId", UUID.randomUUID().toString());
        body.put("replyToMentionId", UUID.randomUUID().toString());

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("campaign", "liveEventId", "replyToMentionId",
                        "targets[0].mediaIds[1]"));
    }

    @Test
    void postDraftedCarriesTheCampaignLiveEventMentionAndMedia() {
        String campaign = PostMother.campaign();
        UUID liveEvent = PostMother.liveEvent();
        UUID mention = mentionFromMonitoring();
        UUID image = PostMother.image(MediaMother.png(4, 3), "A bar chart of requests by month");
        Map<String, Object> x = PostMother.target("X", "clearpost_demo");
        x.put("mediaIds", List.of(image));
        Map<String, Object> body = PostMother.post(PostMother.TEXT, x);
        body.put("campaign", campaign);
        body.put("liveEventId", liveEvent.toString());
        body.put("replyToMentionId", mention.toString());

        UUID id = PostMother.created(body);
        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200)
                .body("targets[0].rendered.text", containsString("utm_campaign=" + campaign));

        PostDrafted drafted = drafted(id);
        assertThat(drafted.campaign().slug()).isEqualTo(campaign);
        assertThat(drafted.campaign().name()).isEqualTo("Subject Access Week");
        assertThat(drafted.liveEvent().liveEventId()).isEqualTo(liveEvent);
        assertThat(drafted.liveEvent().hashtag()).isEqualTo("ICOConf");
        // Clearance takes the live route only while the event is on, so it needs the event's times.
        assertThat(drafted.liveEvent().startsAt()).isNotNull();
        assertThat(drafted.liveEvent().endsAt()).isAfter(drafted.liveEvent().startsAt());
        assertThat(drafted.replyTo().mentionId()).isEqualTo(mention);
        assertThat(drafted.replyTo().externalId()).isEqualTo("at://did:plc:abc/post/" + mention);
        MediaItem item = drafted.targets().get(0).media().get(0);
        assertThat(item.mediaId()).isEqualTo(image);
        assertThat(item.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(item.altText()).isEqualTo("A bar chart of requests by month");
        assertThat(drafted.targets().get(0).text()).endsWith(
                "sar?utm_source=x&utm_medium=social&utm_campaign=" + campaign);

        given().auth().oauth2(PostMother.drafterToken()).queryParam("campaign", campaign).get("/posts").then()
                .statusCode(200).body("id", contains(id.toString()));
    }

    @Test
    void inACampaignOnlyItsShareAccountsShare() {
        String campaign = PostMother.campaign();
        Map<String, Object> share = PostMother.target("X", "ico_news");
        share.put("shares", "clearpost_demo");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.with(PostMother.variantPost(), "campaign", campaign), "targets",
                        List.of(PostMother.target("X", "clearpost_demo"), share)))
                .post("/posts").then().statusCode(400)
                .body("violations.field", contains("targets[1].shares"))
                .body("violations[0].message", containsString("ico_news"));
        UUID id = PostMother.submitted(PostMother.with(PostMother.variantPost(), "campaign", campaign));
        assertThat(drafted(id).targets().get(2).sharesTargetId()).isEqualTo(drafted(id).targets().get(0).targetId());
    }

    @Test
    void anImageWithoutAltTextAndMediaANetworkRefusesBlockSubmission() {
        UUID bare = PostMother.image(MediaMother.png(2, 2), null);
        Map<String, Object> x = PostMother.target("X", "clearpost_demo");
        x.put("mediaIds", List.of(bare));
        Map<String, Object> flickr = PostMother.target("FLICKR", "iconews");
        flickr.put("title", "Our office");
        UUID id = PostMother.created(PostMother.post(PostMother.TEXT, x, flickr));

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("problems.code", containsInAnyOrder("alt-text", "MEDIA_REQUIRED"))
                .body("problems.field", containsInAnyOrder("targets[0].media[0]", "targets[1].media"));
    }

    @Test
    void aReplyNeedsNoLinkToOurSite() {
        UUID mention = mentionFromMonitoring();
        Map<String, Object> body = PostMother.post("Thanks for asking. Yes, it is out today.",
                PostMother.target("BLUESKY", "clearpost.bsky.social"));
        body.put("replyToMentionId", mention.toString());

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(201)
                .body("replyToMentionId", equalTo(mention.toString()))
                .body("warnings", empty())
                .body("problems", empty());
    }

    private static UUID mentionFromMonitoring() {
        UUID id = UUID.randomUUID();
        try (KafkaEventSender sender = KafkaEventSender.fromConfig()) {
            sender.send(new MentionReceived(id, Network.BLUESKY, "at://did:plc:abc/post/" + id,
                    "clearpost.bsky.social", "did:plc:abc", "Sam", "Is the new guidance out yet?",
                    "https://bsky.app/profile/sam.example/post/1", Instant.now(), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> given().auth().oauth2(PostMother.drafterToken())
                .get("/mentions/{id}", id).statusCode() == 200);
        return id;
    }

    private static PostDrafted drafted(UUID id) {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig()
                .awaitRecords(Topics.DRAFTING_POSTS, r -> id.toString().equals(r.key()), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return (PostDrafted) CloudEventAssertions.assertCloudEvent(records.get(0), EventType.POST_DRAFTED,
                "/clearpost/drafting-service");
    }
}
