package org.clearpost.monitoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.Network;
import org.clearpost.monitoring.facebook.PageWebhooks;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class InboxTest {

    @Inject
    DataSource dataSource;

    /** A stored mention as the pipeline would have stored it; the inbox only reads. */
    record IncomingMention(Network network, String externalId, String account, String authorId, String authorName,
            String text, String url, Instant mentionedAt) {
    }

    private static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(TestTokens.forUser(user, roles));
    }

    private static IncomingMention mention(Network network, String text) {
        String id = PageWebhooks.nextId();
        return new IncomingMention(network, id, "clearpost_council", "42", "Resident", text,
                "https://example.org/" + id, Instant.parse("2999-01-01T09:00:00Z"));
    }

    /** Stores the mention as received at {@code at}; returns its external id. */
    private String received(IncomingMention incoming, Instant at) {
        String sql = """
                INSERT INTO mention (id, network, external_id, account, author_id, author_name, text, url,
                                     mentioned_at, received_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW')""";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, incoming.network().name());
            insert.setString(3, incoming.externalId());
            insert.setString(4, incoming.account());
            insert.setString(5, incoming.authorId());
            insert.setString(6, incoming.authorName());
            insert.setString(7, incoming.text());
            insert.setString(8, incoming.url());
            insert.setTimestamp(9, Timestamp.from(incoming.mentionedAt()));
            insert.setTimestamp(10, Timestamp.from(at));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return incoming.externalId();
    }

    @Test
    void listsNewestFirstByPageAndFilters() {
        // Received "in the future", so these are the newest mentions whatever other tests stored.
        Instant at = Instant.parse("2999-06-01T10:00:00Z");
        String oldest = received(mention(Network.X, "oldest"), at);
        String middle = received(mention(Network.FACEBOOK, "middle"), at.plusSeconds(60));
        String newest = received(mention(Network.X, "newest"), at.plusSeconds(120));

        as("mo", "monitor").queryParam("size", 3).get("/inbox")
                .then().statusCode(200).body("externalId", contains(newest, middle, oldest));
        as("mo", "monitor").queryParam("size", 1).queryParam("page", 1).get("/inbox")
                .then().statusCode(200).body("externalId", contains(middle));
        as("mo", "monitor").queryParam("network", "x").queryParam("size", 2).get("/inbox")
                .then().statusCode(200).body("externalId", contains(newest, oldest));
        as("ada", "admin").queryParam("network", "X").queryParam("status", "NEW").queryParam("size", 2)
                .get("/inbox")
                .then().statusCode(200).body("externalId", contains(newest, oldest))
                .body("status", contains("NEW", "NEW"));
    }

    @Test
    void showsOneMention() {
        IncomingMention incoming = mention(Network.MASTODON, "Thanks for the quick reply!");
        received(incoming, Instant.parse("2999-01-01T09:30:00Z"));
        String id = as("mo", "monitor").queryParam("network", "MASTODON").queryParam("size", 200).get("/inbox")
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.externalId == '" + incoming.externalId() + "' }.id");

        as("mo", "monitor").get("/inbox/" + id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("network", equalTo("MASTODON"))
                .body("externalId", equalTo(incoming.externalId()))
                .body("account", equalTo("clearpost_council"))
                .body("authorId", equalTo("42"))
                .body("authorName", equalTo("Resident"))
                .body("text", equalTo("Thanks for the quick reply!"))
                .body("url", equalTo(incoming.url()))
                .body("mentionedAt", equalTo("2999-01-01T09:00:00Z"))
                .body("receivedAt", equalTo("2999-01-01T09:30:00Z"))
                .body("status", equalTo("NEW"));
    }

    @Test
    void needsAToken() {
        given().get("/inbox").then().statusCode(401);
        given().get("/inbox/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void needsTheMonitorOrAdminRole() {
        as("dana", "drafter").get("/inbox").then().statusCode(403);
        as("cleo", "clearer", "analyst").get("/inbox/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void refusesAPageLargerThan200() {
        as("mo", "monitor").queryParam("size", 201).get("/inbox")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("size"));
        as("mo", "monitor").queryParam("page", -1).get("/inbox")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
    }

    @Test
    void anUnknownMentionIsNotFound() {
        as("mo", "monitor").get("/inbox/" + UUID.randomUUID())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
    }

    @Test
    void anUnknownNetworkIsABadRequest() {
        as("mo", "monitor").queryParam("network", "MYSPACE").get("/inbox")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("network"));
        as("mo", "monitor").queryParam("status", "ARCHIVED").get("/inbox")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
    }
}
