package org.clearpost.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearpost.publisher.ClearedPosts.image;
import static org.clearpost.publisher.ClearedPosts.newAccount;
import static org.clearpost.publisher.ClearedPosts.newToken;
import static org.clearpost.publisher.ClearedPosts.post;
import static org.clearpost.publisher.ClearedPosts.sharing;
import static org.clearpost.publisher.ClearedPosts.target;
import static org.clearpost.publisher.ClearedPosts.thread;
import static org.clearpost.publisher.ClearedPosts.withMedia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MediaItem;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PublicationFailed;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.publisher.FakeNetwork.Call;
import org.clearpost.publisher.FakeNetwork.Reply;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.Publication;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a target publishes beyond a text: thread reply chains, media with alt text and checksums, first comments,
 * replies to mentions, reposts and shares, the late flag, and withdrawals. Real Kafka, PostgreSQL and HTTP.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class PublishingContentTest {

    static final String SOURCE = "/clearpost/publisher-service";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    FakeNetwork network;

    @Inject
    AccountService accounts;

    @Inject
    PublicationLedger ledger;

    @Inject
    AgroalDataSource dataSource;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void aThreadIsAReplyChainAndTheFirstCommentAnswersThePost() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        PostCleared cleared = post(null, Instant.now(), null, null, thread(Network.X, account, "1/3 Road closures",
                List.of("2/3 The A1 from Monday", "3/3 Diversions signed"), "Full list on our website"));

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        List<Call> calls = network.calls(token);
        assertThat(calls).hasSize(4).allSatisfy(c -> assertThat(c.path()).isEqualTo("/2/tweets"));
        List<JsonNode> bodies = bodies(calls);
        List<String> ids = calls.stream().map(PublishingContentTest::idAnswered).toList();
        assertThat(bodies.get(0).path("text").asText()).isEqualTo("1/3 Road closures");
        assertThat(bodies.get(0).has("reply")).isFalse();
        assertThat(published.externalId()).isEqualTo(ids.get(0));
        assertThat(bodies.get(1).path("text").asText()).isEqualTo("2/3 The A1 from Monday");
        assertThat(bodies.get(1).path("reply").path("in_reply_to_tweet_id").asText()).isEqualTo(ids.get(0));
        assertThat(bodies.get(2).path("text").asText()).isEqualTo("3/3 Diversions signed");
        assertThat(bodies.get(2).path("reply").path("in_reply_to_tweet_id").asText()).isEqualTo(ids.get(1));
        assertThat(bodies.get(3).path("text").asText()).isEqualTo("Full list on our website");
        assertThat(bodies.get(3).path("reply").path("in_reply_to_tweet_id").asText()).isEqualTo(ids.get(0));
        assertThat(published.late()).isFalse();
        assertThat(ledger.forPost(cleared.postId())).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(p.stepsDone).isEqualTo(4);
        });
    }

    @Test
    void aThreadResumedAfterItsFirstPartNeverPostsThatPartAgain() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        UUID postId = UUID.randomUUID();
        // As a crash leaves it between two steps: the first part is live (committed), the rest is due.
        insertPartlyPublished(postId, account, "1700000000000000001",
                "{\"threadParts\":[\"second part\",\"third part\"],\"media\":[]}");

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, postId);

        List<JsonNode> bodies = bodies(network.calls(token));
        assertThat(bodies).extracting(b -> b.path("text").asText()).containsExactly("second part", "third part");
        assertThat(bodies.get(0).path("reply").path("in_reply_to_tweet_id").asText())
                .isEqualTo("1700000000000000001");
        assertThat(published.externalId()).isEqualTo("1700000000000000001");
    }

    @Test
    void aThreadPartInterruptedByAStopIsReconciledNotFailed() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        UUID postId = UUID.randomUUID();
        // The second part's call was under way when the instance stopped, an hour ago.
        insertAfterFirstPart(postId, account, "1700000000000000002",
                "{\"threadParts\":[\"second part\"],\"media\":[]}", "PUBLISHING",
                Instant.now().minus(Duration.ofHours(1)));

        // The network is asked what became of the second part's call; it is never failed for not knowing, nor
        // posted again before the network said it is not there.
        await().atMost(WAIT).until(() -> ledger.forPost(postId).stream().anyMatch(p -> p.reconciling
                && p.status == PublicationStatus.PENDING && p.waitReason.startsWith("outcome unknown: ")
                && p.waitReason.endsWith("; finding out from X")));
        assertThat(eventsFor(postId, Duration.ofSeconds(1))).isEmpty();
        assertThat(ledger.forPost(postId)).singleElement().satisfies(p -> assertThat(p.stepsDone).isEqualTo(1));
        assertThat(network.calls(token)).noneMatch(call -> "POST".equals(call.method()));
    }

    @Test
    void aRefusedThreadPartFailsSayingThePostIsLive() {
        String account = newAccount();
        String token = connect(Network.X, account);
        network.script(token, Reply.USUAL, Reply.of(403, "{\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"You are not allowed to create a Tweet with duplicate content.\"}"));
        PostCleared cleared = post(null, Instant.now(), null, null,
                thread(Network.X, account, "Part one", List.of("Part one"), null));

        kafka.sender().send(cleared);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, cleared.postId());
        Publication row = ledger.forPost(cleared.postId()).get(0);
        assertThat(failed.reason()).isEqualTo("thread part 2 of 2 failed after the post went live at " + row.url
                + ": X refused the post (403): You are not allowed to create a Tweet with duplicate content.");
        assertThat(row.externalId).isNotNull();
        assertThat(network.calls(token)).hasSize(2);
    }

    @Test
    void anImageIsFetchedCheckedUploadedWithItsAltTextAndAttached() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        byte[] bytes = ("PNG bytes of a bin calendar " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaItem item = image(network.serve(UUID.randomUUID() + ".png", bytes), bytes, "Bin calendar for May");
        PostCleared cleared = post(null, Instant.now(), null, null,
                withMedia(Network.X, account, "New bin calendar", item));

        kafka.sender().send(cleared);

        awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        List<Call> calls = network.calls(token);
        assertThat(calls).extracting(Call::path).containsExactly("/2/media/upload", "/2/media/metadata",
                "/2/tweets");
        assertThat(calls.get(0).fileSha256()).isEqualTo(FakeNetwork.sha256(bytes));
        assertThat(calls.get(0).form()).containsEntry("media_category", "tweet_image");
        String mediaId = idAnswered(calls.get(0));
        JsonNode metadata = JSON.readTree(calls.get(1).body());
        assertThat(metadata.path("id").asText()).isEqualTo(mediaId);
        assertThat(metadata.path("metadata").path("alt_text").path("text").asText())
                .isEqualTo("Bin calendar for May");
        JsonNode tweet = JSON.readTree(calls.get(2).body());
        assertThat(tweet.path("text").asText()).isEqualTo("New bin calendar");
        assertThat(tweet.path("media").path("media_ids").get(0).asText()).isEqualTo(mediaId);
    }

    @Test
    void aStepWhoseCallsTogetherOutlastTheInFlightTimeoutIsNotTakenForAnInterruptedOne() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        MediaItem[] images = new MediaItem[3];
        for (int i = 0; i < images.length; i++) {
            byte[] bytes = ("image " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            images[i] = image(network.serve(UUID.randomUUID() + ".png", bytes), bytes, "Image " + i);
        }
        // 7 calls (3 uploads, 3 alt texts, the post) of 1.9 s each: within the 2 s request timeout one by one, far
        // beyond the 5 s in-flight timeout of the test profile together.
        Reply slow = Reply.slow(Duration.ofMillis(1900));
        network.script(token, slow, slow, slow, slow, slow, slow, slow);
        PostCleared cleared = post(null, Instant.now(), null, null,
                withMedia(Network.X, account, "Three images", images));

        kafka.sender().send(cleared);
        await().atMost(WAIT).until(() -> ledger.forPost(cleared.postId()).stream()
                .anyMatch(p -> p.status == PublicationStatus.PUBLISHING));
        Thread.sleep(6_000);

        // Another replica's sweep, past the in-flight timeout since the claim: the renewed claim keeps it off.
        assertThat(ledger.reconcileInterrupted()).isZero();
        awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        assertThat(eventsFor(cleared.postId(), Duration.ofSeconds(1))).hasSize(1);
        assertThat(network.calls(token)).hasSize(7);
    }

    @Test
    void mediaWhoseBytesDoNotMatchTheClearanceFailsWithoutAPost() {
        String account = newAccount();
        String token = connect(Network.X, account);
        byte[] cleared = "the image that was cleared".getBytes(StandardCharsets.UTF_8);
        byte[] served = "an image swapped after clearance".getBytes(StandardCharsets.UTF_8);
        MediaItem item = image(network.serve(UUID.randomUUID() + ".png", served), cleared, "alt");
        PostCleared post = post(null, Instant.now(), null, null, withMedia(Network.X, account, "Swapped", item));

        kafka.sender().send(post);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, post.postId());
        assertThat(failed.reason()).isEqualTo("media " + item.mediaId() + " cannot be published: the bytes fetched "
                + "do not match what was cleared (expected " + cleared.length + " bytes with sha256 "
                + item.sha256() + ", got more than " + cleared.length + " bytes)");
        assertThat(network.calls(token)).isEmpty();
    }

    @Test
    void mediaOfTheClearedSizeWithOtherBytesFailsNamingBothChecksums() {
        String page = newPage();
        String token = connect(Network.FACEBOOK, page);
        byte[] cleared = "cleared image bytes".getBytes(StandardCharsets.UTF_8);
        byte[] served = "altered image bytes".getBytes(StandardCharsets.UTF_8);
        MediaItem item = image(network.serve(UUID.randomUUID() + ".png", served), cleared, "alt");
        PostCleared post = post(null, Instant.now(), null, null,
                withMedia(Network.FACEBOOK, page, "Altered", item));

        kafka.sender().send(post);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, post.postId());
        assertThat(failed.reason()).isEqualTo("media " + item.mediaId() + " cannot be published: the bytes fetched "
                + "do not match what was cleared (expected " + cleared.length + " bytes with sha256 "
                + item.sha256() + ", got " + served.length + " bytes with sha256 " + FakeNetwork.sha256(served)
                + ")");
        assertThat(network.calls(token)).isEmpty();
    }

    @Test
    void aPagePhotoCarriesItsAltTextAndTheFirstCommentGoesUnderThePost() {
        String page = newPage();
        String token = connect(Network.FACEBOOK, page);
        byte[] bytes = ("JPEG of the park " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaItem item = image(network.serve(UUID.randomUUID() + ".png", bytes), bytes, "The new swings");
        Target target = new Target(UUID.randomUUID(), Network.FACEBOOK, page, "The park reopens", List.of(), null,
                "Opening hours are on our website", List.of(item), null);
        PostCleared cleared = post(null, Instant.now(), null, null, target);

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        List<Call> calls = network.calls(token);
        assertThat(calls).extracting(Call::path).containsExactly(FakeNetwork.GRAPH_PATH + "/" + page + "/photos",
                FakeNetwork.GRAPH_PATH + "/" + published.externalId() + "/comments");
        assertThat(calls.get(0).fileSha256()).isEqualTo(FakeNetwork.sha256(bytes));
        assertThat(calls.get(0).form()).containsEntry("message", "The park reopens")
                .containsEntry("alt_text_custom", "The new swings");
        assertThat(published.externalId()).startsWith(page + "_");
        assertThat(calls.get(1).form()).containsEntry("message", "Opening hours are on our website");
    }

    @Test
    void severalImagesOnAPageAreUploadedUnpublishedThenAttachedToOnePost() {
        String page = newPage();
        String token = connect(Network.FACEBOOK, page);
        byte[] first = ("first photo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] second = ("second photo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        PostCleared cleared = post(null, Instant.now(), null, null, withMedia(Network.FACEBOOK, page, "Two photos",
                image(network.serve(UUID.randomUUID() + ".png", first), first, "First"),
                image(network.serve(UUID.randomUUID() + ".png", second), second, "Second")));

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        List<Call> calls = network.calls(token);
        String photos = FakeNetwork.GRAPH_PATH + "/" + page + "/photos";
        assertThat(calls).extracting(Call::path).containsExactly(photos, photos,
                FakeNetwork.GRAPH_PATH + "/" + page + "/feed");
        assertThat(calls.get(0).fileSha256()).isEqualTo(FakeNetwork.sha256(first));
        assertThat(calls.get(0).form()).containsEntry("published", "false").containsEntry("alt_text_custom", "First");
        assertThat(calls.get(1).fileSha256()).isEqualTo(FakeNetwork.sha256(second));
        String firstId = jsonOf(calls.get(0).answer()).path("id").asText();
        String secondId = jsonOf(calls.get(1).answer()).path("id").asText();
        assertThat(calls.get(2).form()).containsEntry("message", "Two photos")
                .containsEntry("attached_media[0]", "{\"media_fbid\":\"" + firstId + "\"}")
                .containsEntry("attached_media[1]", "{\"media_fbid\":\"" + secondId + "\"}");
        assertThat(published.externalId()).isEqualTo(idAnswered(calls.get(2)));
    }

    @Test
    void aReplyToAMentionAnswersItOnItsNetwork() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        String page = newPage();
        String pageToken = connect(Network.FACEBOOK, page);
        ExternalPost xMention = new ExternalPost(Network.X, "1790000000000000042", "resident",
                "https://x.com/resident/status/1790000000000000042", UUID.randomUUID());
        PostCleared toX = post(null, Instant.now(), xMention, null, target(Network.X, account));
        ExternalPost pageMention = new ExternalPost(Network.FACEBOOK, "555_777", "Resident", null, UUID.randomUUID());
        PostCleared toPage = post(null, Instant.now(), pageMention, null, target(Network.FACEBOOK, page));

        kafka.sender().send(toX);
        kafka.sender().send(toPage);

        awaitEvent(EventType.POST_PUBLISHED, toX.postId());
        awaitEvent(EventType.POST_PUBLISHED, toPage.postId());
        JsonNode reply = JSON.readTree(network.calls(token).get(0).body());
        assertThat(reply.path("text").asText()).isEqualTo(toX.text());
        assertThat(reply.path("reply").path("in_reply_to_tweet_id").asText()).isEqualTo("1790000000000000042");
        assertThat(network.calls(pageToken)).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo(FakeNetwork.GRAPH_PATH + "/555_777/comments");
            assertThat(c.form()).containsEntry("message", toPage.text());
        });
    }

    @Test
    void aShareOnXWaitsForTheCampaignPostThenRepostsItAndNeverPostsTheTextTwice() throws Exception {
        String campaign = newAccount();
        String campaignToken = connect(Network.X, campaign);
        String corporate = newAccount();
        String corporateToken = connect(Network.X, corporate);
        // The campaign post goes out only at its second try: the share must wait for it.
        network.script(campaignToken, Reply.of(503, "{\"title\":\"Service Unavailable\",\"detail\":\"Busy\"}"));
        Target campaignTarget = target(Network.X, campaign);
        Target share = sharing(Network.X, corporate, campaignTarget);
        PostCleared cleared = post(null, Instant.now(), null, null, share, campaignTarget);

        kafka.sender().send(cleared);

        PostPublished campaignPost = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId(),
                campaignTarget.targetId());
        PostPublished shared = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId(),
                share.targetId());
        List<Call> corporateCalls = network.calls(corporateToken);
        assertThat(corporateCalls).extracting(Call::path).containsExactly("/2/users/me",
                "/2/users/" + FakeNetwork.userId(corporateToken) + "/retweets");
        assertThat(JSON.readTree(corporateCalls.get(1).body()).path("tweet_id").asText())
                .isEqualTo(campaignPost.externalId());
        List<Call> campaignCalls = network.calls(campaignToken);
        assertThat(corporateCalls.get(0).receivedAt()).isAfterOrEqualTo(campaignCalls.get(1).receivedAt());
        assertThat(network.calls().stream().filter(c -> c.path().equals("/2/tweets"))
                .filter(c -> c.body().contains(cleared.postId().toString()))).hasSize(2); // the failed try and the post
        assertThat(shared.externalId()).isEqualTo(campaignPost.externalId());
        assertThat(shared.url()).isEqualTo(campaignPost.url());
    }

    @Test
    void aShareOfACampaignPostThatFailedFailsWithItsReason() {
        String campaign = newAccount();
        String campaignToken = connect(Network.X, campaign);
        String corporate = newAccount();
        String corporateToken = connect(Network.X, corporate);
        network.script(campaignToken, Reply.of(403, "{\"title\":\"Forbidden\",\"detail\":\"Account locked\"}"));
        Target campaignTarget = target(Network.X, campaign);
        Target share = sharing(Network.X, corporate, campaignTarget);
        PostCleared cleared = post(null, Instant.now(), null, null, campaignTarget, share);

        kafka.sender().send(cleared);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, cleared.postId(),
                share.targetId());
        assertThat(failed.reason()).isEqualTo("the shared X post of " + campaign + " was not published (FAILED: "
                + "X refused the post (403): Account locked)");
        assertThat(network.calls(corporateToken)).isEmpty();
    }

    @Test
    void aShareOnFacebookLinksToTheCampaignPost() {
        String campaignPage = newPage();
        connect(Network.FACEBOOK, campaignPage);
        String corporatePage = newPage();
        String corporateToken = connect(Network.FACEBOOK, corporatePage);
        Target campaignTarget = target(Network.FACEBOOK, campaignPage);
        Target share = sharing(Network.FACEBOOK, corporatePage, campaignTarget);
        PostCleared cleared = post(null, Instant.now(), null, null, campaignTarget, share);

        kafka.sender().send(cleared);

        PostPublished campaignPost = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId(),
                campaignTarget.targetId());
        awaitEvent(EventType.POST_PUBLISHED, cleared.postId(), share.targetId());
        assertThat(network.calls(corporateToken)).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo(FakeNetwork.GRAPH_PATH + "/" + corporatePage + "/feed");
            assertThat(c.form()).containsEntry("link", campaignPost.url()).containsEntry("message", cleared.text());
        });
    }

    @Test
    void aRepostOfAnotherAccountsPostOnXIsARepost() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        ExternalPost original = new ExternalPost(Network.X, "1790000000000000077", "nhs",
                "https://x.com/nhs/status/1790000000000000077", null);
        Target target = new Target(UUID.randomUUID(), Network.X, account, "", List.of(), null, null, List.of(),
                null);
        PostCleared cleared = post(null, Instant.now(), null, original, target);

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        List<Call> calls = network.calls(token);
        assertThat(calls).extracting(Call::path).containsExactly("/2/users/me",
                "/2/users/" + FakeNetwork.userId(token) + "/retweets");
        assertThat(JSON.readTree(calls.get(1).body()).path("tweet_id").asText()).isEqualTo("1790000000000000077");
        assertThat(published.url()).isEqualTo(original.url());
    }

    @Test
    void clearedAfterItsScheduledTimeItGoesOutAtOnceMarkedLate() {
        String account = newAccount();
        String token = connect(Network.X, account);
        Instant scheduled = Instant.now().minus(Duration.ofHours(2));
        PostCleared cleared = post(scheduled, Instant.now(), null, null, target(Network.X, account));

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        assertThat(published.late()).isTrue();
        assertThat(network.calls(token)).hasSize(1);
        assertThat(ledger.forPost(cleared.postId())).singleElement().satisfies(p -> assertThat(p.late).isTrue());
    }

    @Test
    void aWithdrawnVersionIsDroppedWhetherItsClearanceCameBeforeOrAfter() {
        String account = newAccount();
        String token = connect(Network.X, account);
        PostCleared waiting = ClearedPosts.scheduledFor(Instant.now().plus(Duration.ofHours(1)),
                target(Network.X, account));
        PostCleared clearedLater = ClearedPosts.clearedFor(target(Network.X, account));

        kafka.sender().send(waiting);
        await().atMost(WAIT).until(() -> ledger.forPost(waiting.postId()).size() == 1);
        kafka.sender().send(ClearedPosts.withdrawn(waiting));
        kafka.sender().send(ClearedPosts.withdrawn(clearedLater));
        await().atMost(WAIT).until(() -> ledger.forPost(waiting.postId()).get(0).status
                == PublicationStatus.WITHDRAWN);
        await().atMost(WAIT).until(() -> withdrawalRecorded(clearedLater.postId()));
        kafka.sender().send(clearedLater);
        await().atMost(WAIT).until(() -> ledger.forPost(clearedLater.postId()).size() == 1);

        assertThat(ledger.forPost(waiting.postId())).singleElement().satisfies(p ->
                assertThat(p.failureReason).isEqualTo("withdrawn by dana (EDITED) before it was published"));
        assertThat(ledger.forPost(clearedLater.postId())).singleElement()
                .satisfies(p -> assertThat(p.status).isEqualTo(PublicationStatus.WITHDRAWN));
        assertThat(eventsFor(waiting.postId(), Duration.ofSeconds(2))).isEmpty();
        assertThat(eventsFor(clearedLater.postId(), Duration.ofSeconds(1))).isEmpty();
        assertThat(network.calls(token)).isEmpty();
    }

    @Test
    void aWithdrawalLeavesWhatIsPublishedAlone() {
        String account = newAccount();
        connect(Network.X, account);
        PostCleared cleared = ClearedPosts.clearedFor(target(Network.X, account));
        kafka.sender().send(cleared);
        awaitEvent(EventType.POST_PUBLISHED, cleared.postId());

        kafka.sender().send(ClearedPosts.withdrawn(cleared));
        // The withdrawal is recorded (a later clearance of the version would be dropped); the row stays.
        await().atMost(WAIT).until(() -> withdrawalRecorded(cleared.postId()));

        assertThat(ledger.forPost(cleared.postId())).singleElement()
                .satisfies(p -> assertThat(p.status).isEqualTo(PublicationStatus.PUBLISHED));
    }

    private String connect(Network network, String account) {
        String token = newToken();
        accounts.connect(network, account, new AccessToken(token), "test-admin");
        return token;
    }

    private static String newPage() {
        return "1049" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /** The id the fake network answered: X {@code data.id}, Graph {@code post_id} or {@code id}. */
    private static String idAnswered(Call call) {
        JsonNode answer = jsonOf(call.answer());
        return answer.path("data").path("id").asText(answer.path("post_id").asText(answer.path("id").asText()));
    }

    private static List<JsonNode> bodies(List<Call> calls) {
        return calls.stream().map(c -> jsonOf(c.body())).toList();
    }

    private static JsonNode jsonOf(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private Object awaitEvent(EventType type, UUID postId) {
        return awaitEvent(type, postId, null);
    }

    private Object awaitEvent(EventType type, UUID postId, UUID targetId) {
        List<ConsumerRecord<String, String>> records = kafka.reader().awaitRecords(Topics.PUBLISHER_PUBLICATIONS,
                r -> postId.toString().equals(r.key())
                        && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE))
                        && (targetId == null || r.value().contains(targetId.toString())), WAIT);
        assertThat(records).as("%s events for post %s", type, postId).hasSize(1);
        return CloudEventAssertions.assertCloudEvent(records.get(0), type, SOURCE);
    }

    private List<ConsumerRecord<String, String>> eventsFor(UUID postId, Duration quiet) {
        return kafka.reader().readAll(Topics.PUBLISHER_PUBLICATIONS, quiet).stream()
                .filter(r -> postId.toString().equals(r.key())).toList();
    }

    private boolean withdrawalRecorded(UUID postId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM withdrawn_version WHERE post_id = ?")) {
            query.setObject(1, postId);
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }

    /** A thread whose first part went out before a stop: PENDING, one step done, the rest due. */
    private void insertPartlyPublished(UUID postId, String account, String firstId, String content)
            throws Exception {
        insertAfterFirstPart(postId, account, firstId, content, "PENDING", null);
    }

    /** A thread whose first part is live, in {@code status}; {@code claimedAt} for a PUBLISHING one. */
    private void insertAfterFirstPart(UUID postId, String account, String firstId, String content, String status,
            Instant claimedAt) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO publication (id, post_id, version, target_id, network, account, content_hash,
                                                 text, status, due_at, attempts, created_at, updated_at, content,
                                                 steps_done, external_id, last_external_id, url, claimed_at)
                        VALUES (?, ?, 1, ?, 'X', ?, 'sha256:thread', 'first part', ?, ?, 0, ?, ?, ?,
                                1, ?, ?, ?, ?)
                        """)) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, postId);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, account);
            insert.setString(5, status);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            insert.setTimestamp(8, now);
            insert.setString(9, content);
            insert.setString(10, firstId);
            insert.setString(11, firstId);
            insert.setString(12, "https://x.com/" + account + "/status/" + firstId);
            insert.setTimestamp(13, claimedAt == null ? null : Timestamp.from(claimedAt));
            insert.executeUpdate();
        }
    }
}
