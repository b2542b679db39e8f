package org.clearpost.drafting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostResourceTest {

    @Test
    void submittingAPostPublishesPostDraftedAsACloudEvent() {
        UUID id = PostMother.created(PostMother.twoNetworkPost());

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200)
                .body("status", equalTo("IN_CLEARANCE"))
                .body("targets.status", containsInAnyOrder("IN_CLEARANCE", "IN_CLEARANCE"));

        PostDrafted drafted = drafted(id);
        assertThat(drafted.author()).isEqualTo(PostMother.DRAFTER);
        assertThat(drafted.version()).isEqualTo(1);
        assertThat(drafted.targets()).extracting(t -> t.network()).containsExactly(Network.X, Network.FACEBOOK);
        assertThat(drafted.contentHash()).startsWith("sha256:");
    }

    @Test
    void postDraftedCarriesWhatEachTargetPublishesAndTheWarnings() {
        Map<String, Object> body = PostMother.with(PostMother.variantPost(), "threadParts",
                List.of("You can ask any organisation for a copy of your data. It is free. #subjectaccess"));
        JsonPath created = given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(body).post("/posts").then().statusCode(201).extract().jsonPath();
        UUID id = UUID.fromString(created.getString("id"));
        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200);

        PostDrafted drafted = drafted(id);
        assertThat(drafted.targets()).hasSize(3);
        Target x = drafted.targets().get(0);
        Target linkedIn = drafted.targets().get(1);
        Target share = drafted.targets().get(2);
        assertThat(x.text()).isEqualTo("Our new guidance on subject access requests is out: "
                + "https://ico.org.uk/sar?utm_source=x&utm_medium=social");
        assertThat(x.threadParts()).containsExactly(
                "You can ask any organisation for a copy of your data. It is free. #subjectaccess");
        assertThat(linkedIn.text()).isEqualTo("Subject access requests: our new guidance for organisations.");
        assertThat(linkedIn.threadParts()).isEqualTo(x.threadParts());
        assertThat(linkedIn.firstComment())
                .isEqualTo("Read it here: https://ico.org.uk/sar?utm_source=linkedin&utm_medium=social");
        assertThat(share.account()).isEqualTo("ico_corporate");
        assertThat(share.sharesTargetId()).isEqualTo(x.targetId());
        assertThat(drafted.essentialReason()).isEqualTo("Statutory guidance people need to exercise their rights");
        assertThat(drafted.repostOf().externalId()).isEqualTo("1790000000000000000");
        assertThat(drafted.repostOf().author()).isEqualTo("govuk");
        assertThat(drafted.warnings()).extracting(w -> w.check() + "@" + w.targetId())
                .contains("hashtag-case@" + x.targetId(), "hashtag-case@" + linkedIn.targetId())
                .doesNotContain("hashtag-case@" + share.targetId())
                .containsExactlyInAnyOrderElementsOf(created.<Map<String, Object>>getList("warnings").stream()
                        .map(w -> w.get("code") + "@" + w.get("targetId")).toList());
    }

    @Test
    void createAnswersWithTheDraftWhatEachTargetGetsAndItsWarnings() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "text", PostMother.TEXT + " #subjectaccessrequests"))
                .post("/posts").then().statusCode(201)
                .header("Location", containsString("/posts/"))
                .body("author", equalTo("dana"))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("targets.network", contains("X", "FACEBOOK"))
                .body("targets[0].rendered.text", containsString("https://ico.org.uk/sar?utm_source=x&utm_medium=social"))
                .body("targets[1].rendered.text", containsString("utm_source=facebook"))
                .body("problems", empty())
                .body("warnings.code", contains("hashtag-case", "hashtag-case"))
                .body("warnings[0].field", equalTo("targets[0].text"))
                .body("warnings[0].severity", equalTo("WARNING"))
                .body("warnings[0].start", equalTo(PostMother.TEXT.length() + " ".length()
                        + "?utm_source=x&utm_medium=social".length()));
    }

    @Test
    void everyInvalidFieldIsNamedInOneProblem() {
        Map<String, Object> target = PostMother.target("X", "has space");
        target.put("text", " ");
        target.put("firstComment", "");
        Map<String, Object> body = new HashMap<>(Map.of("text", " ", "targets", List.of(target),
                "threadParts", List.of(" "), "campaign", "Not A Slug", "essentialReason", " ",
                "repostOf", Map.of("network", "X", "externalId", "", "url", "ftp://example.org/x")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("text", "threadParts[0]", "targets[0].account",
                        "targets[0].text", "targets[0].firstComment", "campaign", "essentialReason",
                        "repostOf.externalId", "repostOf.url"));
    }

    @Test
    void rulesBetweenFieldsAreNamedToo() {
        Map<String, Object> x = PostMother.target("X", "clearpost_demo");
        x.put("title", "X has no titles");
        UUID media = UUID.randomUUID();
        x.put("mediaIds", List.of(media, media));
        Map<String, Object> shareOfNobody = PostMother.target("X", "ico_corporate");
        shareOfNobody.put("shares", "someone_else");
        Map<String, Object> shareOtherNetwork = PostMother.target("BLUESKY", "ico.bsky.social");
        shareOtherNetwork.put("shares", "clearpost_demo");
        Map<String, Object> shareWithText = PostMother.target("X", "ico_news");
        shareWithText.put("shares", "clearpost_demo");
        shareWithText.put("text", "A share says nothing of its own");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.post("Hello", x, shareOfNobody, shareOtherNetwork, shareWithText))
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("targets[0].title", "targets[0].mediaIds",
                        "targets[1].shares", "targets[2].shares", "targets[3].shares"));
    }

    @Test
    void theScheduleIsLondonTimeShownBothWays() {
        // 31 October 2027 01:30 happens twice in London; the first, still in summer time, is taken.
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "scheduledFor", "2027-10-31T01:30"))
                .post("/posts").then().statusCode(201)
                .body("scheduledAt", equalTo("2027-10-31T00:30:00Z"))
                .body("scheduledFor", startsWith("2027-10-31T01:30"));
    }

    @Test
    void aTimeThatDoesNotExistInLondonIsRefused() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "scheduledFor", "2027-03-28T01:30"))
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("scheduledFor"))
                .body("violations[0].message", containsString("does not exist"));
    }

    @Test
    void aTimeWithAnOffsetIsRefusedRatherThanReadAsLondonTime() {
        // Read as London wall-clock time, 09:00Z would silently become 08:00Z in summer.
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "scheduledFor", "2027-06-01T09:00:00Z"))
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("scheduledFor"));
    }

    @Test
    void aTimeInThePastOrNotATimeIsRefused() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "scheduledFor", "2020-01-06T09:00"))
                .post("/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("scheduledFor"))
                .body("violations[0].message", containsString("past"));
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "scheduledFor", "next Tuesday"))
                .post("/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("scheduledFor"));
    }

    @Test
    void submitIsRefusedListingEveryProblemWithItsPosition() {
        Map<String, Object> body = PostMother.post("a".repeat(310), PostMother.target("X", "clearpost_demo"),
                PostMother.target("YOUTUBE", "ico-channel"));
        body.put("threadParts", List.of("b".repeat(290)));
        UUID id = PostMother.created(body);

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("targets[0].text", "targets[0].threadParts[0]",
                        "targets[1].title", "targets[1].media"))
                .body("problems.code", containsInAnyOrder("TOO_LONG", "TOO_LONG", "EMPTY", "MEDIA_REQUIRED"))
                .body("problems.network", hasItems("X", "YOUTUBE"))
                .body("problems.find { it.field == 'targets[0].text' }.start", equalTo(280))
                .body("problems.find { it.field == 'targets[0].text' }.end", equalTo(310))
                .body("problems.find { it.field == 'targets[0].threadParts[0]' }.start", equalTo(280))
                .body("problems.find { it.field == 'targets[1].media' }.message", containsString("video"));

        given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", id).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("submittedAt", equalTo(null));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body("{\"text\": ")
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void missingTargetsAreNamed() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(Map.of("text", "Hello"))
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("targets"));
    }

    @Test
    void anUnknownNetworkIsNamedWithTheAcceptedOnes() {
        Map<String, Object> body = Map.of("text", "Hello",
                "targets", List.of(Map.of("network", "MYSPACE", "account", "someone")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("targets[0].network"))
                .body("violations[0].message", containsString("MYSPACE"))
                .body("violations[0].message", containsString("BLUESKY"))
                .body("violations[0].message", not(containsString("org.clearpost")));
    }

    @Test
    void theSameAccountTwiceIsRefused() {
        Map<String, Object> body = Map.of("text", "Hello", "targets", List.of(
                Map.of("network", "X", "account", "clearpost_demo"), Map.of("network", "X", "account", "clearpost_demo")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("targets[1]"));
    }

    @Test
    void nothingWithoutAToken() {
        given().contentType(ContentType.JSON).body(PostMother.twoNetworkPost()).post("/posts").then().statusCode(401);
        given().get("/posts").then().statusCode(401);
    }

    @Test
    void onlyDraftersDraft() {
        given().auth().oauth2(TestTokens.forUser("mo", "monitor")).contentType(ContentType.JSON)
                .body(PostMother.twoNetworkPost()).post("/posts").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).contentType(ContentType.JSON)
                .body(PostMother.twoNetworkPost()).post("/posts").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).post("/posts/{id}/withdraw", UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void anUnknownPostIsNotFound() {
        given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("does not exist"));
    }

    @Test
    void aPostInClearanceCannotBeSubmittedAgain() {
        UUID id = PostMother.submitted();

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void editingADraftMakesANewVersionWithANewHash() {
        UUID id = PostMother.created(PostMother.twoNetworkPost());
        String firstHash = given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", id).then()
                .extract().path("contentHash");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("text", "Shorter", "targets", List.of(Map.of("network", "X", "account", "clearpost_demo"))))
                .put("/posts/{id}", id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("contentHash", not(equalTo(firstHash)))
                .body("targets.network", containsInAnyOrder("X"));
    }

    @Test
    void listsFilterByStatus() {
        UUID submitted = PostMother.submitted();

        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).queryParam("status", "IN_CLEARANCE")
                .queryParam("size", 200)
                .get("/posts").then().statusCode(200)
                .body("id", hasItem(submitted.toString()))
                .body("status", not(hasItem("DRAFT")));
        given().auth().oauth2(PostMother.drafterToken()).queryParam("size", 500).get("/posts").then().statusCode(400)
                .body("violations[0].field", endsWith("size"));
        given().auth().oauth2(PostMother.drafterToken()).queryParam("status", "SENT").get("/posts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("IN_CLEARANCE"));
    }

    private static PostDrafted drafted(UUID id) {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig()
                .awaitRecords(Topics.DRAFTING_POSTS, r -> id.toString().equals(r.key()), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return (PostDrafted) CloudEventAssertions.assertCloudEvent(records.get(0), EventType.POST_DRAFTED,
                "/clearpost/drafting-service");
    }
}
