package org.clearpost.drafting.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.AccountRef;
import org.clearpost.events.CampaignDefined;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class CampaignResourceTest {

    private static final String LEAD = TestTokens.forUser("lee", "lead");

    @Inject
    Campaigns campaigns;

    @Test
    void creatingACampaignTellsTheOtherServices() {
        String slug = CampaignMother.uniqueSlug();

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(CampaignMother.dataProtectionWeek(slug))
                .post("/campaigns").then().statusCode(201)
                .header("Location", endsWith("/campaigns/" + slug))
                .body("slug", equalTo(slug))
                .body("hashtag", equalTo("DataWeek"))
                .body("accounts.network", containsInAnyOrder("X", "LINKEDIN"))
                .body("shareAccounts[0].account", equalTo("clearpost.bsky.social"))
                .body("definedBy", equalTo(PostMother.DRAFTER));

        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig()
                .awaitRecords(Topics.DRAFTING_CAMPAIGNS, r -> slug.equals(r.key()), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        CampaignDefined defined = (CampaignDefined) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.CAMPAIGN_DEFINED, "/clearpost/drafting-service");
        assertThat(defined.name()).isEqualTo("Data Protection Week");
        assertThat(defined.startsOn()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(defined.endsOn()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(defined.audience()).isEqualTo("Small businesses");
        assertThat(defined.hashtag()).isEqualTo("DataWeek");
        assertThat(defined.accounts()).containsExactly(new AccountRef(Network.X, "clearpost_demo"),
                new AccountRef(Network.LINKEDIN, "urn:li:organization:1"));
        assertThat(defined.definedBy()).isEqualTo(PostMother.DRAFTER);
    }

    @Test
    void updatingACampaignDefinesItAgain() {
        String slug = created();
        Map<String, Object> changed = CampaignMother.dataProtectionWeek(slug);
        changed.put("name", "Data Protection Fortnight");
        changed.put("endsOn", "2027-02-07");
        changed.put("accounts", List.of(Map.of("network", "MASTODON", "account", "@clearpost@social.example")));

        given().auth().oauth2(LEAD).contentType(ContentType.JSON).body(changed)
                .put("/campaigns/{slug}", slug).then().statusCode(200)
                .body("name", equalTo("Data Protection Fortnight"))
                .body("definedBy", equalTo("lee"));

        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig().awaitRecords(
                Topics.DRAFTING_CAMPAIGNS, r -> slug.equals(r.key()) && r.value().contains("Fortnight"),
                Duration.ofSeconds(20));
        CampaignDefined defined = (CampaignDefined) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.CAMPAIGN_DEFINED, "/clearpost/drafting-service");
        assertThat(defined.endsOn()).isEqualTo(LocalDate.of(2027, 2, 7));
        assertThat(defined.accounts()).containsExactly(new AccountRef(Network.MASTODON, "@clearpost@social.example"));

        Campaign campaign = campaigns.find(slug).orElseThrow();
        assertThat(campaign.ref()).isEqualTo(new CampaignRef(slug, "Data Protection Fortnight",
                LocalDate.of(2027, 1, 25), LocalDate.of(2027, 2, 7)));
        assertThat(campaign.campaignAccounts()).containsExactly(
                new AccountRef(Network.MASTODON, "@clearpost@social.example"));
        assertThat(campaign.shareAccounts()).containsExactly(new AccountRef(Network.BLUESKY, "clearpost.bsky.social"));
        assertThat(campaigns.find("no-such-campaign")).isEmpty();
    }

    @Test
    void everyRoleCanReadCampaigns() {
        String slug = created();
        given().auth().oauth2(TestTokens.forUser("ann", "analyst")).get("/campaigns/{slug}", slug).then()
                .statusCode(200).body("name", equalTo("Data Protection Week"));
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).get("/campaigns").then()
                .statusCode(200).body("slug", hasItem(slug));
    }

    @Test
    void onlyDraftersAndLeadsDefineCampaigns() {
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).contentType(ContentType.JSON)
                .body(CampaignMother.dataProtectionWeek(CampaignMother.uniqueSlug()))
                .post("/campaigns").then().statusCode(403);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Map<String, Object> body = CampaignMother.dataProtectionWeek("Data_Week 2027");
        body.put("name", " ");
        body.put("hashtag", "two tags");
        body.put("startsOn", null);
        body.put("accounts", List.of(Map.of("network", "X", "account", "has space")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/campaigns").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("name", "slug", "hashtag", "startsOn",
                        "accounts[0].account"));
    }

    @Test
    void aCampaignCannotEndBeforeItStarts() {
        Map<String, Object> body = CampaignMother.dataProtectionWeek(CampaignMother.uniqueSlug());
        body.put("endsOn", "2027-01-24");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/campaigns").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("endsOn"))
                .body("violations[0].message", containsString("2027-01-25"));
    }

    @Test
    void anUnknownNetworkIsNamed() {
        Map<String, Object> body = CampaignMother.dataProtectionWeek(CampaignMother.uniqueSlug());
        body.put("shareAccounts", List.of(Map.of("network", "MYSPACE", "account", "someone")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/campaigns").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("shareAccounts[0].network"))
                .body("violations[0].message", containsString("MYSPACE"));
    }

    @Test
    void anAccountListedTwiceIsNamed() {
        Map<String, Object> body = CampaignMother.dataProtectionWeek(CampaignMother.uniqueSlug());
        body.put("accounts", List.of(Map.of("network", "X", "account", "clearpost_demo"),
                Map.of("network", "X", "account", "clearpost_demo")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/campaigns").then().statusCode(400)
                .body("violations[0].field", equalTo("accounts[1]"));
    }

    @Test
    void aSlugIsTakenOnceAndNeverChanges() {
        String slug = created();
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(CampaignMother.dataProtectionWeek(slug))
                .post("/campaigns").then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(CampaignMother.dataProtectionWeek(CampaignMother.uniqueSlug()))
                .put("/campaigns/{slug}", slug).then().statusCode(400)
                .body("violations[0].field", equalTo("slug"));
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        given().auth().oauth2(PostMother.drafterToken()).get("/campaigns/{slug}", "never-defined").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(CampaignMother.dataProtectionWeek("never-defined"))
                .put("/campaigns/{slug}", "never-defined").then().statusCode(404);
    }

    private static String created() {
        String slug = CampaignMother.uniqueSlug();
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(CampaignMother.dataProtectionWeek(slug)).post("/campaigns").then().statusCode(201);
        return slug;
    }
}
