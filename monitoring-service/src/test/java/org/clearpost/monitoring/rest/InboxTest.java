package org.clearpost.monitoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.Network;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the inbox: filters, sorts, paging, one mention with its notes and history, roles. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class InboxTest {

    @Inject
    DataSource dataSource;

    private StoredMentions mentions;

    @BeforeEach
    void setUp() {
        mentions = new StoredMentions(dataSource);
    }

    static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(TestTokens.forUser(user, roles));
    }

    @Test
    void listsNewestFirstByPageAndFilters() {
        // Received "in the future", so these are the newest mentions whatever other tests stored.
        Instant at = Instant.parse("2999-06-01T10:00:00Z");
        String oldest = mentions.store(Network.X, "oldest", at).toString();
        String middle = mentions.store(Network.FACEBOOK, "middle", at.plusSeconds(60)).toString();
        String newest = mentions.store(Network.X, "newest", at.plusSeconds(120)).toString();

        as("mo", "monitor").queryParam("size", 3).get("/inbox")
                .then().statusCode(200).body("id", contains(newest, middle, oldest));
        as("mo", "monitor").queryParam("size", 1).queryParam("page", 1).get("/inbox")
                .then().statusCode(200).body("id", contains(middle));
        as("mo", "monitor").queryParam("network", "x").queryParam("size", 2).get("/inbox")
                .then().statusCode(200).body("id", contains(newest, oldest));
        as("ada", "admin").queryParam("network", "X").queryParam("state", "NEW").queryParam("size", 2)
                .get("/inbox")
                .then().statusCode(200).body("id", contains(newest, oldest))
                .body("status", contains("NEW", "NEW"));
    }

    @Test
    void filtersByEveryTriageAndInboxColumn() {
        UUID theme = UUID.randomUUID();
        UUID query = UUID.randomUUID();
        Instant at = Instant.parse("2998-01-05T10:00:00Z");
        UUID plain = mentions.store(Network.X, "plain", at);
        UUID critical = mentions.store(Network.MASTODON, "critical", at.plusSeconds(1));
        UUID foi = mentions.store(Network.X, "foi", at.plusSeconds(2));
        UUID hidden = mentions.store(Network.X, "hidden spam", at.plusSeconds(3));
        for (UUID id : new UUID[] { plain, critical, foi, hidden }) {
            mentions.set(id, "theme_id = ?", theme);
        }
        mentions.set(critical, "priority = 'CRITICAL', sentiment_label = 'NEGATIVE', sentiment_score = -0.8, "
                + "matched_queries = ARRAY[?]::uuid[], assignee = 'mo', status = 'ASSIGNED', labels = '{press}'",
                query);
        mentions.set(foi, "possible_foi = TRUE, foi_due_at = ?, due_at = ?", at.plusSeconds(86_400 * 28),
                Instant.parse("2000-01-01T00:00:00Z"));
        mentions.set(hidden, "hidden = TRUE, hidden_reasons = '{spam: crypto}'");
        String t = theme.toString();

        list(t).queryParam("priority", "critical").get("/inbox").then().body("id", contains(critical.toString()));
        list(t).queryParam("sentiment", "NEGATIVE").get("/inbox").then().body("id", contains(critical.toString()));
        list(t).queryParam("query", query.toString()).get("/inbox").then().body("id", contains(critical.toString()));
        list(t).queryParam("assignee", "me").get("/inbox").then().body("id", contains(critical.toString()));
        list(t).queryParam("assignee", "none").get("/inbox").then()
                .body("id", contains(foi.toString(), plain.toString()));
        list(t).queryParam("state", "ASSIGNED").get("/inbox").then().body("id", contains(critical.toString()));
        list(t).queryParam("label", "PRESS").get("/inbox").then().body("id", contains(critical.toString()));
        list(t).queryParam("possibleFoi", true).get("/inbox").then().body("id", contains(foi.toString()))
                .body("[0].foiDueAt", equalTo("2998-02-02T10:00:00Z"));
        list(t).queryParam("overdue", true).get("/inbox").then().body("id", contains(foi.toString()))
                .body("[0].overdue", equalTo(true));
        list(t).queryParam("overdue", false).get("/inbox").then()
                .body("id", contains(critical.toString(), plain.toString()));
        // Hidden mentions only when asked for.
        list(t).get("/inbox").then().body("id", not(hasItem(hidden.toString()))).body("id", hasSize(3));
        list(t).queryParam("includeHidden", true).get("/inbox").then().body("id", hasItem(hidden.toString()))
                .body("find { it.id == '" + hidden + "' }.hiddenReasons", contains("spam: crypto"));
        // A theme nobody has: nothing.
        as("mo", "monitor").queryParam("theme", UUID.randomUUID().toString()).get("/inbox").then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void sortsByDueTimeAndByPriority() {
        UUID theme = UUID.randomUUID();
        Instant at = Instant.parse("2997-03-03T10:00:00Z");
        UUID low = mentions.store(Network.X, "low, due last", at);
        UUID high = mentions.store(Network.X, "high, due second", at.plusSeconds(1));
        UUID critical = mentions.store(Network.X, "critical, due first", at.plusSeconds(2));
        UUID none = mentions.store(Network.X, "no due time", at.plusSeconds(3));
        mentions.set(low, "theme_id = ?, priority = 'LOW', due_at = ?", theme, at.plusSeconds(9_000));
        mentions.set(high, "theme_id = ?, priority = 'HIGH', due_at = ?", theme, at.plusSeconds(5_000));
        mentions.set(critical, "theme_id = ?, priority = 'CRITICAL', due_at = ?", theme, at.plusSeconds(3_000));
        mentions.set(none, "theme_id = ?, priority = 'MEDIUM', status = 'NO_RESPONSE_NEEDED'", theme);

        list(theme.toString()).queryParam("sort", "due").get("/inbox").then().statusCode(200)
                .body("id", contains(critical.toString(), high.toString(), low.toString(), none.toString()));
        list(theme.toString()).queryParam("sort", "PRIORITY").get("/inbox").then().statusCode(200)
                .body("id", contains(critical.toString(), high.toString(), none.toString(), low.toString()));
        list(theme.toString()).queryParam("sort", "newest").get("/inbox").then().statusCode(200)
                .body("id", contains(none.toString(), critical.toString(), high.toString(), low.toString()));
    }

    @Test
    void showsOneMentionWithTriageNotesAndHistory() {
        UUID id = mentions.store(Network.MASTODON, "Thanks for the quick reply!",
                Instant.parse("2999-01-01T09:30:00Z"));
        mentions.set(id, "sentiment_score = 0.49, sentiment_label = 'POSITIVE', "
                + "sentiment_drivers = '[{\"term\": \"thanks\", \"valence\": 1.9}]'::jsonb, "
                + "reasons = '[{\"reason\": \"AWARENESS_OPPORTUNITY\", \"rule\": \"rights\", \"why\": \"asks\"}]'::jsonb, "
                + "priority = 'MEDIUM', author_lists = '{stakeholder}', triaged_at = ?",
                Instant.parse("2999-01-01T09:30:01Z"));
        as("mo", "monitor").contentType(ContentType.JSON).body("{\"text\": \"Known to us: a regular.\"}")
                .post("/inbox/" + id + "/notes").then().statusCode(201);

        as("ana", "analyst").get("/inbox/" + id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id.toString()))
                .body("network", equalTo("MASTODON"))
                .body("account", equalTo("clearpost_council"))
                .body("authorId", equalTo("42"))
                .body("authorName", equalTo("Ruth Resident"))
                .body("authorHandle", equalTo("ruthr"))
                .body("text", equalTo("Thanks for the quick reply!"))
                .body("mentionedAt", equalTo("2999-01-01T09:29:00Z"))
                .body("receivedAt", equalTo("2999-01-01T09:30:00Z"))
                .body("status", equalTo("NEW"))
                .body("sentimentScore", equalTo(0.49f))
                .body("sentimentLabel", equalTo("POSITIVE"))
                .body("sentimentDrivers[0].term", equalTo("thanks"))
                .body("reasons[0].reason", equalTo("AWARENESS_OPPORTUNITY"))
                .body("priority", equalTo("MEDIUM"))
                .body("authorLists", contains("stakeholder"))
                .body("triagedAt", equalTo("2999-01-01T09:30:01Z"))
                .body("claim", nullValue())
                .body("overdue", equalTo(false))
                .body("notes.text", contains("Known to us: a regular."))
                .body("notes[0].author", equalTo("mo"))
                .body("history.action", contains("NOTE_ADDED"))
                .body("history[0].actor", equalTo("mo"))
                .body("history[0].state", equalTo("NEW"));
    }

    @Test
    void needsAToken() {
        given().get("/inbox").then().statusCode(401);
        given().get("/inbox/" + UUID.randomUUID()).then().statusCode(401);
        given().post("/inbox/" + UUID.randomUUID() + "/claim").then().statusCode(401);
    }

    @Test
    void monitorsLeadsAndAdminsWorkItAnalystsOnlyRead() {
        UUID id = mentions.store(Network.X, "roles", Instant.parse("2990-01-01T00:00:00Z"));
        as("dana", "drafter").get("/inbox").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as("cleo", "clearer").get("/inbox/" + id).then().statusCode(403);
        as("ana", "analyst").get("/inbox").then().statusCode(200);
        as("ana", "analyst").get("/inbox/" + id).then().statusCode(200);
        as("ana", "analyst").post("/inbox/" + id + "/claim").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        as("ana", "analyst").contentType(ContentType.JSON).body("{\"assignee\": \"me\"}")
                .post("/inbox/" + id + "/assign").then().statusCode(403);
        as("lee", "lead").post("/inbox/" + id + "/claim").then().statusCode(200)
                .body("claim.holder", equalTo("lee"));
        as("ada", "admin").delete("/inbox/" + id + "/claim").then().statusCode(200).body("claim", nullValue());
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
        as("mo", "monitor").post("/inbox/" + UUID.randomUUID() + "/claim")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void anUnknownFilterValueIsABadRequestNamingIt() {
        as("mo", "monitor").queryParam("network", "MYSPACE").get("/inbox")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("network"));
        as("mo", "monitor").queryParam("state", "ARCHIVED").get("/inbox")
                .then().statusCode(400).body("violations[0].field", equalTo("state"));
        as("mo", "monitor").queryParam("sort", "oldest").get("/inbox")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
        as("mo", "monitor").queryParam("priority", "URGENT").get("/inbox")
                .then().statusCode(400).body("violations[0].field", equalTo("priority"));
        as("mo", "monitor").queryParam("sentiment", "ANGRY").get("/inbox")
                .then().statusCode(400).body("violations[0].field", equalTo("sentiment"));
        as("mo", "monitor").queryParam("theme", "not-a-uuid").get("/inbox")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("theme"));
        as("mo", "monitor").queryParam("query", "42").get("/inbox")
                .then().statusCode(400).body("violations[0].field", equalTo("query"));
    }

    private static RequestSpecification list(String theme) {
        return as("mo", "monitor").queryParam("theme", theme).queryParam("size", 50);
    }

    static org.hamcrest.Matcher<Iterable<? extends String>> ids(UUID... ids) {
        return containsInAnyOrder(java.util.Arrays.stream(ids).map(UUID::toString).toArray(String[]::new));
    }
}
