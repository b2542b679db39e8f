package org.clearpost.publisher.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.PostMetricsSampled.UnavailableMetric;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.publisher.NetworkSandboxProfile;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.NetworkSandboxServer;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestSigningKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Published posts sampled against the real network sandbox (its X and Graph metrics, growing with a post's age),
 * over a real broker and database. Sample ages are seconds here (12 s to 16 s, in the order 1h, 6h, 24h, 7d, 30d); each
 * test ages its post in the sandbox right after publication, so the numbers read are the sandbox's at a known age.
 * The publisher also asks Graph for {@code post_impressions}, which Meta removed: it must not fail the rest.
 */
@QuarkusTest
@TestProfile(NetworkSandboxProfile.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
// The same sandbox as OAuthConnectTest's (its OAuth token lifetime touches no token connected here): one start for both.
@WithTestResource(value = NetworkSandboxServer.class, initArgs = @ResourceArg(
        name = "CLEARPOST_SANDBOX_OAUTH_ACCESS_TOKEN_TTL", value = NetworkSandboxProfile.ACCESS_TTL))
class MetricsSamplingTest {

    static final String SOURCE = "/clearpost/publisher-service";
    static final Duration WAIT = Duration.ofSeconds(45);
    static final String WITHDRAWN = NetworkSandboxProfile.WITHDRAWN;

    @Inject
    AccountService accounts;

    @Inject
    SampleSchedule schedule;

    @Inject
    PublicationLedger ledger;

    @Inject
    AgroalDataSource dataSource;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    /**
     * The HTTP client's first call is slow on a busy machine; made here, it cannot delay a test's ageing of its post
     * past the first sample.
     */
    @BeforeEach
    void warmUp() {
        given().get(NetworkSandboxServer.url() + "/sandbox/posts?network=linkedin").then().statusCode(200);
    }

    @Test
    void aPublishedXPostIsSampledAtEachAgeOnceWithTheSandboxsNumbers() {
        String account = account();
        connect(Network.X, account);
        PostCleared cleared = cleared(Network.X, account, "bin-collections");

        kafka.sender().send(cleared);
        // Aged as soon as it is live (the ledger knows before the event has travelled), well before its first sample.
        age(awaitExternalId(cleared.postId()), Duration.ofHours(26).plusMinutes(1));
        PostPublished published = awaitPublished(cleared.postId());
        List<SampleView> samples = schedule.forPost(cleared.postId());
        // The database keeps microseconds.
        Instant publishedAt = samples.get(0).publishedAt();
        assertThat(publishedAt).isCloseTo(published.publishedAt(), within(1, ChronoUnit.MICROS));
        assertThat(samples).extracting(SampleView::sampleAge).containsExactlyElementsOf(PostMetricsSampled.SAMPLE_AGES);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.campaign()).isEqualTo("bin-collections");
            assertThat(s.externalId()).isEqualTo(published.externalId());
            assertThat(s.publishedAt()).isEqualTo(publishedAt);
        });
        assertThat(samples).extracting(SampleView::dueAt).containsExactly(publishedAt.plusSeconds(12),
                publishedAt.plusSeconds(13), publishedAt.plusSeconds(14), publishedAt.plusSeconds(15),
                publishedAt.plusSeconds(16));

        PostMetricsSampled first = awaitSample(cleared.postId(), "1h");
        Response sandbox = sandboxNumbers(published.externalId(), "PT26H");
        assertThat(first.campaign()).isEqualTo("bin-collections");
        assertThat(first.network()).isEqualTo(Network.X);
        assertThat(first.account()).isEqualTo(account);
        assertThat(first.externalId()).isEqualTo(published.externalId());
        assertThat(first.publishedAt()).isEqualTo(publishedAt);
        assertThat(first.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "impressions", number(sandbox, "views"), "likes", number(sandbox, "likes"),
                "reposts", number(sandbox, "reposts"), "replies", number(sandbox, "replies"),
                "quotes", number(sandbox, "quotes"), "bookmarks", number(sandbox, "bookmarks"),
                "linkClicks", number(sandbox, "linkClicks"), "profileClicks", number(sandbox, "profileClicks"),
                "engagements", number(sandbox, "engagements")));
        assertThat(first.metrics().get("impressions")).isPositive();
        assertThat(first.unavailable()).isEmpty();

        // Every age once, and nothing more: a sample is taken once.
        for (String age : PostMetricsSampled.SAMPLE_AGES) {
            awaitSample(cleared.postId(), age);
        }
        List<PostMetricsSampled> all = samplesOf(cleared.postId(), Duration.ofSeconds(3));
        assertThat(all).extracting(PostMetricsSampled::sampleAge)
                .containsExactlyInAnyOrderElementsOf(PostMetricsSampled.SAMPLE_AGES);
        assertThat(schedule.forPost(cleared.postId())).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo("SAMPLED");
            assertThat(s.attempts()).isEqualTo(1);
        });
    }

    @Test
    void theThirtyDaySampleAsksXForPublicMetricsOnlyAndSaysWhyTheOthersAreMissing() {
        String account = account();
        connect(Network.X, account);
        PostCleared cleared = cleared(Network.X, account, null);

        kafka.sender().send(cleared);
        // Aged as soon as it is live (the ledger knows before the event has travelled), well before its first sample.
        age(awaitExternalId(cleared.postId()), Duration.ofDays(31).plusMinutes(1));
        PostPublished published = awaitPublished(cleared.postId());

        PostMetricsSampled last = awaitSample(cleared.postId(), "30d");
        Response sandbox = sandboxNumbers(published.externalId(), "P31D");
        assertThat(last.campaign()).isNull();
        assertThat(last.metrics()).containsEntry("impressions", number(sandbox, "views"))
                .containsEntry("likes", number(sandbox, "likes"))
                .doesNotContainKeys("linkClicks", "profileClicks", "engagements");
        assertThat(last.unavailable()).containsExactlyInAnyOrder(
                new UnavailableMetric("url_link_clicks", XMetricsReader.OVER_30_DAYS),
                new UnavailableMetric("user_profile_clicks", XMetricsReader.OVER_30_DAYS),
                new UnavailableMetric("engagements", XMetricsReader.OVER_30_DAYS));

        // The 1h sample asked for everything (by the publisher's clock the post is seconds old); X, for which it
        // is 31 days old, refused the non-public fields, and the public ones were read on their own.
        PostMetricsSampled early = awaitSample(cleared.postId(), "1h");
        assertThat(early.metrics()).containsEntry("impressions", number(sandbox, "views"))
                .doesNotContainKey("linkClicks");
        assertThat(early.unavailable()).extracting(UnavailableMetric::metric)
                .containsExactlyInAnyOrder("url_link_clicks", "user_profile_clicks", "engagements");
        assertThat(early.unavailable()).allSatisfy(u -> assertThat(u.reason())
                .startsWith("X refused them: Sorry, you are not authorized to access 'non_public_metrics'"));
    }

    @Test
    void aFacebookPostIsSampledAndAWithdrawnMetricDoesNotFailTheOthers() throws Exception {
        String page = "1077" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        connect(Network.FACEBOOK, page);
        PostCleared cleared = cleared(Network.FACEBOOK, page, "winter-services");

        kafka.sender().send(cleared);
        // Aged as soon as it is live (the ledger knows before the event has travelled), well before its first sample.
        age(awaitExternalId(cleared.postId()), Duration.ofDays(7).plusMinutes(1));
        PostPublished published = awaitPublished(cleared.postId());

        PostMetricsSampled sample = awaitSample(cleared.postId(), "1h");
        Response sandbox = sandboxNumbers(published.externalId(), "P7D");
        long likes = number(sandbox, "likes");
        long comments = number(sandbox, "replies");
        long shares = number(sandbox, "reposts");
        long clicks = number(sandbox, "linkClicks") + number(sandbox, "otherClicks");
        assertThat(sample.campaign()).isEqualTo("winter-services");
        assertThat(sample.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "impressions", number(sandbox, "views"), "reach", number(sandbox, "viewers"),
                "linkClicks", number(sandbox, "linkClicks"), "likes", likes, "replies", comments,
                "reposts", shares, "engagements", likes + comments + shares + clicks));
        assertThat(sample.unavailable()).containsExactly(new UnavailableMetric(WITHDRAWN,
                "withdrawn by Facebook: (#100) The value must be a valid insights metric"));
        assertThat(withdrawnMetrics()).contains(WITHDRAWN);

        // Remembered: later samples report it without asking again, and still read the rest.
        PostMetricsSampled later = awaitSample(cleared.postId(), "6h");
        assertThat(later.unavailable()).extracting(UnavailableMetric::metric).containsExactly(WITHDRAWN);
        assertThat(later.metrics()).containsKeys("impressions", "reach", "linkClicks", "engagements");
    }

    @Test
    void aTransientFailureIsRetriedAndTheSampleTakenOnce() {
        String account = account();
        String token = connect(Network.X, account);
        PostCleared cleared = cleared(Network.X, account, null);
        // The first two reads fail: X over capacity, then rate limited (with its reset a second away).
        fault(token, 503);
        fault(token, 429);

        kafka.sender().send(cleared);
        // Aged as soon as it is live (the ledger knows before the event has travelled), well before its first sample.
        age(awaitExternalId(cleared.postId()), Duration.ofHours(6).plusMinutes(1));
        PostPublished published = awaitPublished(cleared.postId());

        PostMetricsSampled first = awaitSample(cleared.postId(), "1h");
        assertThat(first.metrics()).containsEntry("impressions",
                number(sandboxNumbers(published.externalId(), "PT6H"), "views"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(schedule.forPost(cleared.postId()))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo("SAMPLED")));
        // The two failures went to whichever samples were read first (the retried one or the next due): two reads
        // more than the five samples, every sample taken, and one event each.
        assertThat(schedule.forPost(cleared.postId())).extracting(SampleView::attempts)
                .satisfies(attempts -> assertThat(attempts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(7));
        assertThat(samplesOf(cleared.postId(), Duration.ofSeconds(2))).extracting(PostMetricsSampled::sampleAge)
                .containsExactlyInAnyOrderElementsOf(PostMetricsSampled.SAMPLE_AGES);
    }

    @Test
    void aDeletedPostIsGivenUpWithTheReasonAndNoEvent() {
        String account = account();
        connect(Network.X, account);
        PostCleared cleared = cleared(Network.X, account, null);

        kafka.sender().send(cleared);
        String externalId = awaitExternalId(cleared.postId());
        given().delete(NetworkSandboxServer.url() + "/sandbox/posts/" + externalId).then().statusCode(204);

        await().atMost(WAIT).untilAsserted(() -> assertThat(schedule.forPost(cleared.postId()))
                .allSatisfy(s -> {
                    assertThat(s.status()).isEqualTo("GIVEN_UP");
                    assertThat(s.failureReason()).isEqualTo("the post is gone from X: Could not find tweet with "
                            + "ids: [" + externalId + "].");
                }));
        assertThat(samplesOf(cleared.postId(), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aRevokedTokenGivesUpTheSampleSayingAnAdminMustConnectTheAccountAgain() {
        String account = account();
        connect(Network.X, account);
        PostCleared cleared = cleared(Network.X, account, null);

        kafka.sender().send(cleared);
        awaitExternalId(cleared.postId());
        // The sandbox takes a token starting "sandbox-expired" for one X no longer accepts.
        accounts.connect(Network.X, account, new AccessToken("sandbox-expired-" + UUID.randomUUID()), "test-admin");

        await().atMost(WAIT).untilAsserted(() -> assertThat(schedule.forPost(cleared.postId()))
                .allSatisfy(s -> assertThat(s.failureReason()).isEqualTo("X did not accept the access token of "
                        + "account " + account + ": an admin must connect it again")));
    }

    private static PostCleared cleared(Network network, String account, String campaign) {
        UUID postId = UUID.randomUUID();
        CampaignRef ref = campaign == null ? null
                : new CampaignRef(campaign, "Campaign " + campaign, LocalDate.now(), LocalDate.now().plusDays(30));
        return TestSigningKeys.sign(new PostCleared(postId, 1, "sha256:" + postId.toString().replace("-", ""),
                "dana", "normal", "lee", "Cleared", "Engagement sample " + postId,
                List.of(new Target(UUID.randomUUID(), network, account)), null, ref, null, null, null,
                Instant.now()));
    }

    private static String account() {
        return "acct_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String connect(Network network, String account) {
        String token = "token-" + UUID.randomUUID();
        accounts.connect(network, account, new AccessToken(token), "test-admin");
        return token;
    }

    private static void age(String externalId, Duration age) {
        given().contentType(ContentType.JSON).body(Map.of("publishedAt", Instant.now().minus(age).toString()))
                .put(NetworkSandboxServer.url() + "/sandbox/posts/" + externalId + "/published-at")
                .then().statusCode(200);
    }

    private static void fault(String token, int status) {
        given().contentType(ContentType.JSON).body(Map.of("token", token, "status", status, "times", 1))
                .post(NetworkSandboxServer.url() + "/sandbox/faults").then().statusCode(204);
    }

    private static Response sandboxNumbers(String externalId, String age) {
        Response numbers = given().queryParam("age", age)
                .get(NetworkSandboxServer.url() + "/sandbox/posts/" + externalId + "/metrics");
        numbers.then().statusCode(200);
        return numbers;
    }

    private static long number(Response response, String path) {
        return ((Number) response.path(path)).longValue();
    }

    /** The network's id of the post's one target, once the ledger has it published. */
    private String awaitExternalId(UUID postId) {
        return await().atMost(WAIT).until(() -> ledger.forPost(postId).stream()
                .filter(p -> p.status == PublicationStatus.PUBLISHED).map(p -> p.externalId).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private PostPublished awaitPublished(UUID postId) {
        List<ConsumerRecord<String, String>> records = kafka.reader().awaitRecords(Topics.PUBLISHER_PUBLICATIONS,
                r -> postId.toString().equals(r.key()) && EventType.POST_PUBLISHED.ceType()
                        .equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), WAIT);
        return (PostPublished) CloudEventAssertions.assertCloudEvent(records.get(0), EventType.POST_PUBLISHED,
                SOURCE);
    }

    private PostMetricsSampled awaitSample(UUID postId, String age) {
        List<ConsumerRecord<String, String>> records = kafka.reader().awaitRecords(Topics.PUBLISHER_METRICS,
                r -> postId.toString().equals(r.key()) && parse(r).sampleAge().equals(age), WAIT);
        assertThat(records).as("%s samples of post %s", age, postId).hasSize(1);
        return parse(records.get(0));
    }

    /** Every PostMetricsSampled of the post, read until the topic is quiet. */
    private List<PostMetricsSampled> samplesOf(UUID postId, Duration quiet) {
        return kafka.reader().readAll(Topics.PUBLISHER_METRICS, quiet).stream()
                .filter(r -> postId.toString().equals(r.key())).map(MetricsSamplingTest::parse).toList();
    }

    /**
     * The sample a record carries, checked as every event is once the contract holds its JSON Schema (it is added
     * beside this work, on the contract branch); until then its CloudEvents headers and type are checked here.
     */
    private static PostMetricsSampled parse(ConsumerRecord<String, String> record) {
        EventType type = EventType.POST_METRICS_SAMPLED;
        if (EventType.class.getResource(type.schemaResource()) != null) {
            return (PostMetricsSampled) CloudEventAssertions.assertCloudEvent(record, type, SOURCE);
        }
        assertThat(KafkaTopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(type.ceType());
        assertThat(KafkaTopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo(SOURCE);
        PostMetricsSampled sample = (PostMetricsSampled) EventJson.read(type, record.value());
        assertThat(sample.aggregateId()).isEqualTo(record.key());
        return sample;
    }

    private List<String> withdrawnMetrics() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT metric FROM withdrawn_metric WHERE network = 'FACEBOOK'");
                ResultSet rows = select.executeQuery()) {
            List<String> metrics = new java.util.ArrayList<>();
            while (rows.next()) {
                metrics.add(rows.getString(1));
            }
            return metrics;
        }
    }
}
