package org.clearpost.publisher.oauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.publisher.ClearedPosts.clearedFor;
import static org.clearpost.publisher.ClearedPosts.newAccount;
import static org.clearpost.publisher.ClearedPosts.scheduledFor;
import static org.clearpost.publisher.ClearedPosts.target;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.AccountConnected;
import org.clearpost.events.AccountNeedsReconnect;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Topics;
import org.clearpost.publisher.NetworkSandboxProfile;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.tokens.SealedToken;
import org.clearpost.publisher.tokens.TokenCipher;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.NetworkSandboxServer;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts connected through the real OAuth 2.0 flow of the network sandbox (X: PKCE, single-use refresh tokens,
 * short-lived access tokens), kept connected by the refresher, and held then released when the network revokes the
 * grant. Real PostgreSQL, Kafka and the packaged sandbox.
 */
@QuarkusTest
@TestProfile(NetworkSandboxProfile.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(value = NetworkSandboxServer.class, initArgs = @ResourceArg(
        name = "CLEARPOST_SANDBOX_OAUTH_ACCESS_TOKEN_TTL", value = NetworkSandboxProfile.ACCESS_TTL))
class OAuthConnectTest {

    static final String SOURCE = "/clearpost/publisher-service";
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    private final HttpClient sandbox = HttpClient.newHttpClient(); // never follows redirects
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenCipher cipher;

    @Inject
    PublicationLedger ledger;

    @Test
    void anAdminConnectsAnAccountThroughTheNetworksOAuthFlow() throws Exception {
        String account = newAccount();

        Callback callback = authorize(account);
        given().accept("application/json").queryParam("code", callback.code).queryParam("state", callback.state)
                .when().get("/oauth/x/callback")
                .then().statusCode(200)
                .body("network", equalTo("X")).body("account", equalTo(account))
                .body("method", equalTo("oauth2")).body("connectedBy", equalTo("ash"))
                .body("needsReconnect", equalTo(false));

        Stored stored = stored(account);
        String accessToken = cipher.openText(stored.access, "X/" + account);
        String refreshToken = cipher.openText(stored.refresh, "X/" + account + "#refresh");
        // Sealed: neither token's bytes are in the row, and each opens only as what it is.
        assertThat(new String(stored.access.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(accessToken);
        assertThat(grants(account)).anySatisfy(g -> {
            assertThat(g.path("grantType").asText()).isEqualTo("authorization_code");
            assertThat(g.path("accessTokenFingerprint").asText()).isEqualTo(sha256(accessToken));
            assertThat(g.path("refreshTokenFingerprint").asText()).isEqualTo(sha256(refreshToken));
        });
        AccountConnected connected = (AccountConnected) awaitAlert(EventType.ACCOUNT_CONNECTED, account);
        assertThat(connected.method()).isEqualTo("oauth2");
        assertThat(connected.connectedBy()).isEqualTo("ash");
        assertThat(connected.expiresAt()).isAfter(Instant.now().minusSeconds(10));
        assertThat(connected.releasedPublications()).isZero();

        // The state is single use: the same callback again is refused, and changes nothing.
        given().queryParam("code", callback.code).queryParam("state", callback.state)
                .when().get("/oauth/x/callback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("state"));
    }

    @Test
    void aCallbackWithAWrongStateIsRefusedAndStoresNothing() throws Exception {
        String account = newAccount();
        Callback callback = authorize(account);

        given().queryParam("code", callback.code).queryParam("state", callback.state + "x")
                .when().get("/oauth/x/callback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("state"));
        given().queryParam("code", callback.code).when().get("/oauth/x/callback")
                .then().statusCode(400).body("violations.field", hasItem("state"));
        // A state issued for X is no proof for another network.
        given().queryParam("code", callback.code).queryParam("state", callback.state)
                .when().get("/oauth/linkedin/callback")
                .then().statusCode(400).body("violations.field", hasItem("state"));

        assertThat(count("SELECT count(*) FROM connected_account WHERE account = ?", account)).isZero();
        assertThat(count("SELECT count(*) FROM oauth_attempt WHERE account = ? AND used_at IS NOT NULL", account))
                .isZero();
    }

    @Test
    void aTokenThatExpiresBeforeTheScheduledTimeIsRefreshedAndThePostGoesOutOnTime() throws Exception {
        String account = newAccount();
        connect(account);
        Stored first = stored(account);
        String firstAccess = cipher.openText(first.access, "X/" + account);
        String firstRefresh = cipher.openText(first.refresh, "X/" + account + "#refresh");
        // Due after the first access token has expired (6 s).
        Instant due = Instant.now().plusSeconds(9);
        PostCleared cleared = scheduledFor(due, target(Network.X, account));

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitPublication(EventType.POST_PUBLISHED, cleared.postId());
        assertThat(published.publishedAt()).isBetween(due, due.plusSeconds(3));
        JsonNode held = sandboxPost(cleared.text());
        assertThat(held.path("tokenFingerprint").asText())
                .as("posted with a refreshed token").isNotEqualTo(sha256(firstAccess))
                .isIn(grants(account).stream().filter(g -> g.path("grantType").asText().equals("refresh_token"))
                        .map(g -> g.path("accessTokenFingerprint").asText()).toList());
        // The first access token has expired on the network, and the first refresh token was spent by the refresh.
        assertThat(tweet(firstAccess, "expired token " + UUID.randomUUID()).statusCode()).isEqualTo(401);
        HttpResponse<String> reuse = token("grant_type=refresh_token&refresh_token=" + encode(firstRefresh)
                + "&client_id=" + NetworkSandboxProfile.CLIENT_ID);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reuse.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(stored(account).needsReconnect).isFalse();
    }

    @Test
    void aRefusedRefreshHoldsThePostsUntilTheAdminConnectsAgain() throws Exception {
        String account = newAccount();
        connect(account);
        PostCleared later = scheduledFor(Instant.now().plus(Duration.ofHours(1)), target(Network.X, account));
        kafka.sender().send(later);
        awaitStatus(later.postId(), PublicationStatus.PENDING);

        // The admin revoked the app on the network: the next refresh answers invalid_grant.
        sandboxPost("/sandbox/oauth/x/refuse-refresh?account=" + encode(account) + "&count=1");

        AccountNeedsReconnect alert = (AccountNeedsReconnect) awaitAlert(EventType.ACCOUNT_NEEDS_RECONNECT, account);
        assertThat(alert.reason()).startsWith("invalid_grant");
        assertThat(alert.heldPublications()).isEqualTo(1);
        assertThat(waitReason(later.postId())).contains("invalid_grant");
        PostCleared now = clearedFor(target(Network.X, account));
        kafka.sender().send(now);
        awaitStatus(now.postId(), PublicationStatus.HELD);
        assertThat(waitReason(now.postId())).contains("needs to be connected again").contains("invalid_grant");
        given().auth().oauth2(admin()).when().get("/accounts").then().statusCode(200)
                .body("find { it.account == '" + account + "' }.needsReconnect", equalTo(true));

        connect(account);

        AccountConnected connected = this.<AccountConnected>awaitAlerts(EventType.ACCOUNT_CONNECTED, account, 2)
                .get(1);
        assertThat(connected.releasedPublications()).isEqualTo(2);
        awaitPublication(EventType.POST_PUBLISHED, now.postId());
        assertThat(sandboxPost(now.text()).path("id").asText()).isNotEmpty();
        assertThat(ledger.forPost(later.postId())).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(PublicationStatus.PENDING);
            assertThat(p.dueAt).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        });
        assertThat(stored(account).needsReconnect).isFalse();
    }

    /** Made when used: a token made at class load may have expired (5 min) before a slow start is over. */
    private static String admin() {
        return TestTokens.forUser("ash", "admin");
    }

    // --- the flow, as the admin's browser goes through it

    private record Callback(String code, String state) {
    }

    /** POST connect, then the browser at the authorization URL: the sandbox consents and redirects back. */
    private Callback authorize(String account) throws Exception {
        JsonPath started = given().auth().oauth2(admin()).when().post("/accounts/x/{account}/connect", account)
                .then().statusCode(201).extract().jsonPath();
        URI authorizationUrl = URI.create(started.getString("authorizationUrl"));
        String state = started.getString("state");
        Map<String, String> query = query(authorizationUrl);
        assertThat(query).containsEntry("state", state).containsEntry("code_challenge_method", "S256")
                .containsEntry("response_type", "code").containsKey("code_challenge");
        assertThat(query.get("scope")).contains("offline.access");
        assertThat(Instant.parse(started.getString("expiresAt"))).isAfter(Instant.now().plusSeconds(500));

        HttpResponse<String> consent = sandbox.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).isEqualTo(302);
        URI location = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/oauth/x/callback");
        Map<String, String> back = query(location);
        assertThat(back).containsEntry("state", state).containsKey("code");
        return new Callback(back.get("code"), state);
    }

    private void connect(String account) throws Exception {
        Callback callback = authorize(account);
        given().queryParam("code", callback.code).queryParam("state", callback.state)
                .when().get("/oauth/x/callback").then().statusCode(200);
    }

    // --- what is stored

    private record Stored(SealedToken access, SealedToken refresh, boolean needsReconnect) {
    }

    private Stored stored(String account) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT token_iv, token_ciphertext, refresh_iv, refresh_ciphertext, needs_reconnect
                FROM connected_account WHERE network = 'X' AND account = ?""")) {
            s.setString(1, account);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("account %s stored", account).isTrue();
                return new Stored(new SealedToken(r.getBytes(1), r.getBytes(2)),
                        new SealedToken(r.getBytes(3), r.getBytes(4)), r.getBoolean(5));
            }
        }
    }

    private long count(String sql, String account) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, account);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private String waitReason(UUID postId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT wait_reason FROM publication WHERE post_id = ?")) {
            s.setObject(1, postId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private void awaitStatus(UUID postId, PublicationStatus status) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            if (ledger.forPost(postId).stream().anyMatch(p -> p.status == status)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(ledger.forPost(postId)).as("publication of post %s", postId).singleElement()
                .satisfies(p -> assertThat(p.status).isEqualTo(status));
    }

    // --- events

    private Object awaitPublication(EventType type, UUID postId) {
        List<ConsumerRecord<String, String>> records = kafka.reader().awaitRecords(Topics.PUBLISHER_PUBLICATIONS,
                r -> postId.toString().equals(r.key())
                        && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), WAIT);
        assertThat(records).as("%s events for post %s", type, postId).hasSize(1);
        return CloudEventAssertions.assertCloudEvent(records.get(0), type, SOURCE);
    }

    private Object awaitAlert(EventType type, String account) {
        return awaitAlerts(type, account, 1).get(0);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> awaitAlerts(EventType type, String account, int count) {
        Instant until = Instant.now().plus(WAIT);
        List<ConsumerRecord<String, String>> records = List.of();
        while (records.size() < count && Instant.now().isBefore(until)) {
            records = kafka.reader().awaitRecords(Topics.PUBLISHER_ALERTS, r -> ("X/" + account).equals(r.key())
                    && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), WAIT);
        }
        assertThat(records).as("%s events for X/%s", type, account).hasSize(count);
        return records.stream().map(r -> (T) CloudEventAssertions.assertCloudEvent(r, type, SOURCE)).toList();
    }

    // --- the sandbox

    private List<JsonNode> grants(String account) throws Exception {
        JsonNode all = json.readTree(sandbox.send(HttpRequest.newBuilder(
                NetworkSandboxServer.url().resolve("/sandbox/oauth/x/grants")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<JsonNode> mine = new java.util.ArrayList<>();
        all.forEach(g -> {
            if (account.equals(g.path("account").asText())) {
                mine.add(g);
            }
        });
        return mine;
    }

    /** The post the sandbox holds with this text. */
    private JsonNode sandboxPost(String text) throws Exception {
        if (text.startsWith("/sandbox/")) {
            HttpResponse<String> r = sandbox.send(HttpRequest.newBuilder(NetworkSandboxServer.url().resolve(text))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(204);
            return null;
        }
        JsonNode posts = json.readTree(sandbox.send(HttpRequest.newBuilder(
                NetworkSandboxServer.url().resolve("/sandbox/posts?network=x")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode post : posts.isArray() ? posts : posts.path("posts")) {
            if (text.equals(post.path("text").asText())) {
                return post;
            }
        }
        throw new AssertionError("the sandbox holds no X post with text " + text);
    }

    private HttpResponse<String> tweet(String accessToken, String text) throws Exception {
        return sandbox.send(HttpRequest.newBuilder(NetworkSandboxServer.url().resolve("/2/tweets"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String form) throws Exception {
        return sandbox.send(HttpRequest.newBuilder(NetworkSandboxServer.url().resolve("/oauth/x/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
