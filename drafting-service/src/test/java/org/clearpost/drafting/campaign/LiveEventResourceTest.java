package org.clearpost.drafting.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.AccountRef;
import org.clearpost.events.LiveEventRef;
import org.clearpost.events.Network;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class LiveEventResourceTest {

    /** London wall-clock time in, as for a post's scheduledFor; in March before the clocks change, London is UTC. */
    private static final String STARTS = "2027-03-10T09:00";
    private static final String ENDS = "2027-03-10T17:00";

    @Inject
    LiveEvents liveEvents;

    @Test
    void aLiveEventIsCreatedReadUpdatedAndDeleted() {
        String id = given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(conference()).post("/live-events").then().statusCode(201)
                .body("name", equalTo("Annual conference"))
                .body("hashtag", equalTo("DPConf27"))
                .body("accounts[0].network", equalTo("X"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).get("/live-events/{id}", id).then()
                .statusCode(200).body("startsAt", equalTo("2027-03-10T09:00:00Z"));
        given().auth().oauth2(PostMother.drafterToken()).get("/live-events").then()
                .statusCode(200).body("id", hasItem(id));

        Map<String, Object> changed = conference();
        changed.put("endsAt", "2027-03-10T19:00");
        given().auth().oauth2(TestTokens.forUser("lee", "lead")).contentType(ContentType.JSON).body(changed)
                .put("/live-events/{id}", id).then().statusCode(200)
                .body("endsAt", equalTo("2027-03-10T19:00:00Z"))
                .body("definedBy", equalTo("lee"));

        LiveEvent event = liveEvents.find(UUID.fromString(id)).orElseThrow();
        assertThat(event.ref()).isEqualTo(new LiveEventRef(UUID.fromString(id), "Annual conference", "DPConf27"));
        assertThat(event.accountRefs()).containsExactly(new AccountRef(Network.X, "clearpost_demo"));
        assertThat(event.isOn(Instant.parse("2027-03-10T09:00:00Z"))).isTrue();
        assertThat(event.isOn(Instant.parse("2027-03-10T18:59:59Z"))).isTrue();
        assertThat(event.isOn(Instant.parse("2027-03-10T19:00:00Z"))).isFalse();
        assertThat(event.isOn(Instant.parse("2027-03-10T08:59:59Z"))).isFalse();

        given().auth().oauth2(PostMother.drafterToken()).delete("/live-events/{id}", id).then().statusCode(204);
        given().auth().oauth2(PostMother.drafterToken()).get("/live-events/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(liveEvents.find(UUID.fromString(id))).isEmpty();
    }

    @Test
    void liveEventTimesAreLondonWallClockTimeLikeAPostsSchedule() {
        Map<String, Object> summer = conference();
        summer.put("startsAt", "2027-05-10T09:00");
        summer.put("endsAt", "2027-05-10T17:30");
        String id = given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(summer)
                .post("/live-events").then().statusCode(201)
                .body("startsAt", equalTo("2027-05-10T09:00:00+01:00"))
                .body("endsAt", equalTo("2027-05-10T17:30:00+01:00"))
                .extract().path("id");

        LiveEvent event = liveEvents.find(UUID.fromString(id)).orElseThrow();
        assertThat(event.startsAt).isEqualTo(Instant.parse("2027-05-10T08:00:00Z"));
        assertThat(event.endsAt).isEqualTo(Instant.parse("2027-05-10T16:30:00Z"));
    }

    @Test
    void aLiveEventTimeInTheSpringGapIsRefusedAndTheAutumnOverlapTakesSummerTime() {
        Map<String, Object> gap = conference();
        gap.put("startsAt", "2027-03-28T01:30");
        gap.put("endsAt", "2027-03-28T04:00");
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(gap)
                .post("/live-events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("startsAt"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("does not exist in London"));

        Map<String, Object> overlap = conference();
        overlap.put("startsAt", "2027-10-31T01:30");
        overlap.put("endsAt", "2027-10-31T03:00");
        String id = given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(overlap)
                .post("/live-events").then().statusCode(201)
                .body("startsAt", equalTo("2027-10-31T01:30:00+01:00"))
                .body("endsAt", equalTo("2027-10-31T03:00:00Z"))
                .extract().path("id");
        assertThat(liveEvents.find(UUID.fromString(id)).orElseThrow().startsAt)
                .isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void aLiveEventTimeWithAnOffsetIsRefusedRatherThanReadAsLondonTime() {
        Map<String, Object> body = conference();
        body.put("startsAt", "2027-05-10T08:00:00Z");
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/live-events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("startsAt"));
    }

    @Test
    void aLiveEventMustEndAfterItStarts() {
        Map<String, Object> body = conference();
        body.put("endsAt", STARTS);
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/live-events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("endsAt"));
    }

    @Test
    void missingFieldsAreNamed() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("accounts", List.of(Map.of("network", "X", "account", "clearpost_demo"))))
                .post("/live-events").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("name", "startsAt", "endsAt"));
    }

    @Test
    void onlyDraftersAndLeadsDefineLiveEvents() {
        given().auth().oauth2(TestTokens.forUser("mo", "monitor")).contentType(ContentType.JSON).body(conference())
                .post("/live-events").then().statusCode(403);
    }

    private static Map<String, Object> conference() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Annual conference");
        body.put("startsAt", STARTS);
        body.put("endsAt", ENDS);
        body.put("hashtag", "DPConf27");
        body.put("accounts", List.of(Map.of("network", "X", "account", "clearpost_demo")));
        return body;
    }
}
