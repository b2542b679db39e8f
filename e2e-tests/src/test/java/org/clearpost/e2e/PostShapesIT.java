package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.local.Component;
import org.clearpost.testing.CloudEventAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3's shapes across the running services: one campaign post with an image and a thread, shared by a corporate
 * account, reaches each network as that network expects it.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class PostShapesIT {

    private static final String CAMPAIGN_X = "cleanair_campaign";
    private static final String CORPORATE_X = "clearpost_corporate";
    private static final String FACEBOOK_PAGE = "100200300400";
    private static final String CAMPAIGN_X_TOKEN = "e2e-x-campaign-token";
    private static final String CORPORATE_X_TOKEN = "e2e-x-corporate-token";

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void connectAccounts(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        journeys.connectXAccount(CAMPAIGN_X, CAMPAIGN_X_TOKEN);
        journeys.connectXAccount(CORPORATE_X, CORPORATE_X_TOKEN);
        journeys.connectFacebookPage(FACEBOOK_PAGE, "e2e-facebook-token");
    }

    @Test
    void aCampaignThreadWithAnImageAndACorporateShareReachesEachNetworkInItsShape() {
        byte[] png = Media.png();
        Map<String, Object> media = platform.as("dana", Component.DRAFTING).contentType("multipart/form-data")
                .multiPart("file", "chart.png", png, "image/png")
                .multiPart("altText", "Bar chart: roadside nitrogen dioxide fell by a third since 2019")
                .post("/media").then().statusCode(201).body("kind", equalTo("IMAGE"))
                .body("sha256", equalTo(sha256(png))).extract().jsonPath().getMap("$");

        String slug = "clean-air-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        platform.as("dana", Component.DRAFTING).body(Map.of("name", "Clean Air", "slug", slug,
                "startsOn", today.toString(), "endsOn", today.plusDays(30).toString(), "audience", "Residents",
                "hashtag", "#CleanAir", "accounts", List.of(Map.of("network", "X", "account", CAMPAIGN_X)),
                "shareAccounts", List.of(Map.of("network", "X", "account", CORPORATE_X))))
                .post("/campaigns").then().statusCode(201);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String text = "The clean air zone starts on Monday " + run + ". What it means for you: "
                + "https://ico.org.uk/clean-air #CleanAir";
        String facebookText = "The clean air zone starts on Monday " + run + ". Which vehicles pay, and how to pay "
                + "online: https://ico.org.uk/clean-air";
        String firstComment = "Questions? Reply here and we will answer in office hours " + run;
        List<String> threadParts = List.of("Which vehicles pay " + run + ": older diesel vans and lorries.",
                "How to pay " + run + ": online, by phone, or at a PayPoint.");
        UUID postId = journeys.draftedAndSubmitted(Map.of("text", text, "threadParts", threadParts,
                "campaign", slug,
                "targets", List.of(
                        Map.of("network", "X", "account", CAMPAIGN_X, "mediaIds", List.of(media.get("id"))),
                        Map.of("network", "X", "account", CORPORATE_X, "shares", CAMPAIGN_X),
                        Map.of("network", "FACEBOOK", "account", FACEBOOK_PAGE, "text", facebookText,
                                "mediaIds", List.of(media.get("id")), "firstComment", firstComment))));

        PostDrafted drafted = (PostDrafted) CloudEventAssertions.assertCloudEvent(
                journeys.onlyRecord(Topics.DRAFTING_POSTS, postId), EventType.POST_DRAFTED,
                "/clearpost/drafting-service");
        assertThat(drafted.campaign().slug()).isEqualTo(slug);
        Target campaignTarget = drafted.targets().get(0);
        assertThat(campaignTarget.text()).contains("utm_source=x", "utm_medium=social", "utm_campaign=" + slug);
        assertThat(campaignTarget.threadParts()).isEqualTo(threadParts);
        assertThat(campaignTarget.media()).singleElement()
                .satisfies(m -> assertThat(m.sha256()).isEqualTo(sha256(png)));
        assertThat(drafted.targets().get(1).sharesTargetId()).isEqualTo(campaignTarget.targetId());

        String caseId = journeys.awaitCase(postId);
        platform.as("colin", Component.CLEARANCE).get("/clearances/{id}", caseId).then().statusCode(200)
                .body("targets[2].firstComment", equalTo(firstComment))
                .body("targets[0].media[0].altText", equalTo(media.get("altText")));
        platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Clear and factual"))
                .post("/clearances/{id}/approve", caseId).then().statusCode(200).body("status", equalTo("CLEARED"));
        journeys.awaitPostStatus(postId, "PUBLISHED");

        List<Map<String, Object>> held = journeys.heldInSandbox().stream()
                .filter(p -> String.valueOf(p.get("text")).contains(run)).toList();
        // X, campaign account: the post with its image and alt text, then each part as a reply to the one before.
        List<Map<String, Object>> campaignX = held.stream().filter(p -> CAMPAIGN_X.equals(p.get("account"))).toList();
        assertThat(campaignX).extracting(p -> p.get("kind")).containsExactly("POST", "REPLY", "REPLY");
        Map<String, Object> xPost = campaignX.get(0);
        assertThat((String) xPost.get("text")).contains("utm_campaign=" + slug);
        assertThat(media(xPost)).singleElement().satisfies(m -> {
            assertThat(m.get("sha256")).isEqualTo(sha256(png));
            assertThat(m.get("altText")).isEqualTo(media.get("altText"));
        });
        assertThat(campaignX.get(1).get("inReplyTo")).isEqualTo(xPost.get("id"));
        assertThat(campaignX.get(2).get("inReplyTo")).isEqualTo(campaignX.get(1).get("id"));
        assertThat(campaignX.subList(1, 3)).extracting(p -> p.get("text")).containsExactlyElementsOf(threadParts);
        // X, corporate account: a repost of the campaign post, never the same text a second time.
        List<Map<String, Object>> corporateX = journeys.heldInSandbox().stream()
                .filter(p -> CORPORATE_X.equals(p.get("account")) && xPost.get("id").equals(p.get("repostOf")))
                .toList();
        assertThat(corporateX).singleElement().satisfies(p -> assertThat(p.get("kind")).isEqualTo("REPOST"));
        assertThat(journeys.heldInSandbox().stream().filter(p -> CORPORATE_X.equals(p.get("account"))
                && Objects.equals(p.get("text"), xPost.get("text")))).isEmpty();
        // Facebook: a photo post with the page's own text, its thread parts and first comment as comments under it.
        List<Map<String, Object>> facebook = held.stream().filter(p -> "facebook".equals(p.get("network"))).toList();
        Map<String, Object> photo = facebook.stream().filter(p -> "PHOTO".equals(p.get("kind"))).findFirst()
                .orElseThrow();
        assertThat((String) photo.get("text")).startsWith(facebookText.substring(0, facebookText.indexOf("https")))
                .contains("utm_source=facebook");
        assertThat(media(photo)).singleElement().satisfies(m -> assertThat(m.get("sha256")).isEqualTo(sha256(png)));
        assertThat(facebook).filteredOn(p -> "COMMENT".equals(p.get("kind"))).extracting(p -> p.get("text"))
                .contains(firstComment);
        assertThat(journeys.post(postId).getList("targets.status")).containsOnly("PUBLISHED");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> media(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("media");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
