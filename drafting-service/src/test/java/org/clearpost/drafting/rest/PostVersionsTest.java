package org.clearpost.drafting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.PostVersionWithdrawn.WithdrawalReason;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostVersionsTest {

    private static final String SOURCE = "/clearpost/drafting-service";

    @Test
    void everyVersionIsKeptAsWrittenWithItsOwnHash() {
        UUID id = PostMother.created(PostMother.twoNetworkPost());
        String firstHash = post(id).getString("contentHash");
        edit(id, PostMother.with(PostMother.twoNetworkPost(), "text", "Second text"));
        Map<String, Object> third = PostMother.variantPost();
        edit(id, third);

        JsonPath versions = given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}/versions", id).then()
                .statusCode(200).body("version", contains(1, 2, 3)).body("createdBy", everyItem(equalTo("dana")))
                .extract().jsonPath();
        assertThat(versions.getList("contentHash")).doesNotHaveDuplicates().first().isEqualTo(firstHash);
        assertThat(versions.getString("[0].content.text")).isEqualTo(PostMother.TEXT);
        assertThat(versions.getString("[1].content.text")).isEqualTo("Second text");
        assertThat(versions.getString("[2].content.targets[1].firstComment"))
                .isEqualTo("Read it here: https://ico.org.uk/sar");
        assertThat(versions.getString("[2].content.targets[2].shares")).isEqualTo("clearpost_demo");
        assertThat(versions.getString("[2].contentHash")).isEqualTo(post(id).getString("contentHash"));

        given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}/versions/1", id).then().statusCode(200)
                .body("contentHash", equalTo(firstHash))
                .body("content.targets.network", contains("X", "FACEBOOK"));
        given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}/versions/4", id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theDatabaseRefusesToChangeAStoredVersion() {
        UUID id = PostMother.created(PostMother.twoNetworkPost());

        assertThatThrownBy(() -> {
            AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE post_version SET content_hash = 'sha256:forged' WHERE post_id = ?")) {
                update.setObject(1, id);
                update.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}/versions/1", id).then()
                .body("contentHash", equalTo(post(id).getString("contentHash")));
    }

    @Test
    void editingASubmittedPostWithdrawsItsClearanceAndNeedsANewSubmission() {
        UUID id = PostMother.submitted();
        String submittedHash = post(id).getString("contentHash");

        edit(id, PostMother.with(PostMother.twoNetworkPost(), "text", "Corrected: " + PostMother.TEXT))
                .then().body("status", equalTo("DRAFT")).body("version", equalTo(2))
                .body("targets.status", contains("DRAFT", "DRAFT"));

        PostVersionWithdrawn withdrawn = withdrawal(id);
        assertThat(withdrawn.version()).isEqualTo(1);
        assertThat(withdrawn.contentHash()).isEqualTo(submittedHash);
        assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.EDITED);
        assertThat(withdrawn.withdrawnBy()).isEqualTo(PostMother.DRAFTER);

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200)
                .body("status", equalTo("IN_CLEARANCE"));
        List<ClearpostEvent> events = events(id, 3);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("PostDrafted", "PostVersionWithdrawn", "PostDrafted");
        assertThat(((PostDrafted) events.get(2)).version()).isEqualTo(2);
    }

    @Test
    void editingADraftWithdrawsNothing() {
        UUID id = PostMother.created(PostMother.twoNetworkPost());
        edit(id, PostMother.with(PostMother.twoNetworkPost(), "text", "Edited before anyone saw it"));
        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200);

        // The outbox relays in order, so by the time PostDrafted is there an earlier withdrawal would be too.
        assertThat(events(id, 1)).extracting(e -> e.getClass().getSimpleName()).containsExactly("PostDrafted");
    }

    @Test
    void withdrawingTakesThePostOutOfClearance() {
        UUID id = PostMother.submitted();

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/withdraw", id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("targets.status", contains("WITHDRAWN", "WITHDRAWN"));

        PostVersionWithdrawn withdrawn = withdrawal(id);
        assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.WITHDRAWN);
        assertThat(withdrawn.version()).isEqualTo(1);

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/withdraw", id).then().statusCode(409);
        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(409)
                .body("detail", containsString("edit it"));
        edit(id, PostMother.twoNetworkPost()).then().body("status", equalTo("DRAFT")).body("version", equalTo(2));
    }

    private static io.restassured.response.Response edit(UUID id, Map<String, Object> body) {
        io.restassured.response.Response response = given().auth().oauth2(PostMother.drafterToken())
                .contentType(ContentType.JSON).body(body).put("/posts/{id}", id);
        response.then().statusCode(200);
        return response;
    }

    private static JsonPath post(UUID id) {
        return given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static PostVersionWithdrawn withdrawal(UUID id) {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig().awaitRecords(
                Topics.DRAFTING_POSTS, r -> id.toString().equals(r.key())
                        && EventType.POST_VERSION_WITHDRAWN.ceType().equals(KafkaTopicReader.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return (PostVersionWithdrawn) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.POST_VERSION_WITHDRAWN, SOURCE);
    }

    /** Waits for at least {@code atLeast} events of the post, returns them all in topic order. */
    private static List<ClearpostEvent> events(UUID id, int atLeast) {
        KafkaTopicReader reader = KafkaTopicReader.fromConfig();
        List<ConsumerRecord<String, String>> records = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (records.size() < atLeast && System.nanoTime() < deadline) {
            records = reader.awaitRecords(Topics.DRAFTING_POSTS, r -> id.toString().equals(r.key()),
                    Duration.ofSeconds(20));
        }
        return records.stream().map(r -> CloudEventAssertions.assertCloudEvent(r,
                EventType.fromCeType(KafkaTopicReader.header(r, "ce_type")).orElseThrow(), SOURCE)).toList();
    }
}
