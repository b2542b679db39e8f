package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.local.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The clearer's screens in a real Chromium: dana's post for X and Facebook waits in colin's queue, colin opens the
 * case, sees it as both networks will show it, approves with a comment, and the post goes out. A drafter who opens a
 * case is told plainly that it is not for her.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class ClearanceIT {

    private static final String X_ACCOUNT = "clearpost_clearance";
    private static final String FACEBOOK_PAGE = "100200300400";

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void connectAccounts(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        journeys.connectXAccount(X_ACCOUNT, "e2e-x-clearance-token");
        journeys.connectFacebookPage(FACEBOOK_PAGE, "e2e-facebook-token");
    }

    @Test
    void colinSeesTheCaseAsEachNetworkWillShowItAndApprovesIt() {
        String text = "The Labour Party welcomed our new guidance on subject access requests " + UUID.randomUUID();
        UUID postId = journeys.draftedAndSubmitted(Map.of("text", text, "targets", List.of(
                Map.of("network", "X", "account", X_ACCOUNT), Map.of("network", "FACEBOOK", "account", FACEBOOK_PAGE))));
        String caseId = journeys.awaitCase(postId);

        try (Browser colin = platform.browser()) {
            colin.signIn("colin", "/clearance");
            WebElement row = colin.waitFor(By.id("case-" + caseId));
            assertThat(row.getText()).contains("X, Facebook").contains("normal").contains("Party");
            colin.axe("clearance-queue");
            colin.screenshots("clearance-queue");

            row.findElement(By.linkText(text)).click();
            colin.waitFor(By.id("previews"));
            assertThat(colin.find(By.id("preview-x-" + X_ACCOUNT)).getText()).contains("X").contains(text);
            assertThat(colin.find(By.id("preview-facebook-" + FACEBOOK_PAGE)).getText()).contains("Facebook")
                    .contains(text);
            assertThat(colin.find(By.id("case-flags")).getText()).contains("Party").contains("Labour");
            assertThat(colin.find(By.id("route-steps")).getText()).contains("To do");
            colin.axe("clearance-case");
            colin.screenshots("clearance-case");

            // Rejecting needs a reason: clearance's own refusal appears in the error summary and by the comment.
            colin.find(By.cssSelector("label[for=decision-reject]")).click();
            colin.find(By.id("record-decision")).click();
            assertThat(colin.waitFor(By.className("govuk-error-summary")).getText()).contains("must not be blank");
            assertThat(colin.find(By.id("comment-error")).getText()).contains("must not be blank");
            colin.axe("clearance-case with an error");

            colin.find(By.cssSelector("label[for=decision-approve]")).click();
            colin.find(By.id("comment")).sendKeys("Factual and even-handed");
            colin.find(By.id("record-decision")).click();
            colin.waitForText(By.id("decision-recorded"), "approve");
            assertThat(colin.find(By.id("case-status")).getText()).isEqualTo("Approved");
            assertThat(colin.find(By.id("case-decision")).getText()).contains("colin")
                    .contains("Factual and even-handed");

            journeys.awaitPostStatus(postId, "PUBLISHED");
            JsonPath published = journeys.post(postId);
            assertThat(published.getString("decidedBy")).isEqualTo("colin");
            assertThat(published.getList("targets.status")).containsOnly("PUBLISHED");

            // The case now shows each target published, with its link on the network.
            colin.go("/clearance/" + caseId);
            assertThat(colin.waitFor(By.id("preview-x-" + X_ACCOUNT + "-link")).getAttribute("href"))
                    .startsWith("https://x.com/" + X_ACCOUNT + "/status/");
            assertThat(colin.findAll(By.id("decision-form"))).isEmpty();
        }
    }

    @Test
    void aDecisionOnACaseSomeoneElseHasJustDecidedIsRefusedInTheErrorSummary() {
        UUID postId = journeys.draftedAndSubmitted(Map.of("text", "Two clearers at once " + UUID.randomUUID(),
                "targets", List.of(Map.of("network", "X", "account", X_ACCOUNT))));
        String caseId = journeys.awaitCase(postId);

        try (Browser colin = platform.browser()) {
            colin.signIn("colin", "/clearance/" + caseId);
            colin.waitFor(By.id("decision-form"));
            platform.as("lee", Component.CLEARANCE).body(Map.of("comment", "Fine"))
                    .post("/clearances/{id}/approve", caseId).then().statusCode(200);

            colin.find(By.cssSelector("label[for=decision-approve]")).click();
            colin.find(By.id("record-decision")).click();

            assertThat(colin.waitFor(By.className("govuk-error-summary")).getText()).contains("CLEARED");
            assertThat(colin.find(By.id("case-status")).getText()).isEqualTo("Approved");
            assertThat(colin.find(By.id("case-decision")).getText()).contains("lee");
        }
    }

    @Test
    void aDrafterWhoOpensACaseIsToldItIsNotForHer() {
        UUID postId = journeys.draftedAndSubmitted(Map.of("text", "Not for dana to clear " + UUID.randomUUID(),
                "targets", List.of(Map.of("network", "X", "account", X_ACCOUNT))));
        String caseId = journeys.awaitCase(postId);

        try (Browser dana = platform.browser()) {
            dana.signIn("dana", "/clearance/" + caseId);
            assertThat(dana.waitFor(By.tagName("h1")).getText()).isEqualTo("You cannot see this");
            assertThat(dana.find(By.id("failure-detail")).getText()).contains("clearers and leads")
                    .contains("dana");
            assertThat(dana.findAll(By.id("decision-form"))).isEmpty();
            dana.axe("clearance refused");
        }
    }
}
