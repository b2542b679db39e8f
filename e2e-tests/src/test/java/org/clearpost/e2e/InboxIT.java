package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.local.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 14's "mo answers a mention from the inbox": a citizen comments on the body's Facebook page (the sandbox's
 * signed webhook), mo signs in to the console, finds the comment in the inbox, opens it and sends a reply; the reply
 * is a post in drafting, answering that mention, and the mention's page says where it stands.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class InboxIT {

    private static final String PAGE = "100200300400";

    @Test
    void moAnswersAMentionFromTheInbox(RunningPlatform platform) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String author = "Citizen " + tag;
        // "about my data": a reason to answer (policy 4.1), so triage leaves it NEW for the monitors
        platform.anonymous(Component.SANDBOX).body(Map.of("network", "facebook", "pageId", PAGE, "authorId",
                "555" + Math.abs(tag.hashCode()), "authorName", author, "message",
                "The helpline has been closed all week and nobody answers about my data. Ref " + tag))
                .post("/sandbox/mentions").then().statusCode(202) // 202: delivered to monitoring's webhook
                .body("webhookStatus", org.hamcrest.Matchers.equalTo(200));

        try (Browser browser = platform.browser()) {
            browser.signIn("mo", "/inbox?network=FACEBOOK");
            By link = By.xpath("//a[contains(@class, 'app-mention-link') and contains(., '" + author + "')]");
            // Monitoring takes the webhook in and triages it within moments: the inbox shows it once it has
            await().atMost(Journeys.PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.go("/inbox?network=FACEBOOK&state=NEW");
                return !browser.findAll(link).isEmpty();
            });
            assertThat(browser.find(By.id("filters-in-force")).getText()).contains("Network: Facebook", "State: New");
            browser.axe("inbox");
            browser.screenshots("inbox");

            browser.find(link).click();
            assertThat(browser.waitFor(By.id("mention-text")).getText()).contains("Ref " + tag);
            assertThat(browser.find(By.id("mention-state")).getText()).isEqualTo("New");
            assertThat(browser.find(By.id("triage-reasons")).getText()).isNotBlank();
            String mentionId = browser.url().replaceAll(".*/inbox/([0-9a-f-]{36}).*", "$1");
            browser.axe("mention");
            browser.screenshots("mention");

            String reply = "Sorry for the wait: the helpline is open again, 9am to 5pm on weekdays. " + tag;
            browser.find(By.id("reply-text")).sendKeys(reply);
            browser.find(By.id("send-reply")).click();
            assertThat(browser.waitFor(By.id("done-banner")).getText()).contains("Your reply is with drafting");
            assertThat(browser.find(By.id("mention-state")).getText()).isEqualTo("Awaiting clearance");
            assertThat(browser.find(By.id("replies")).getText()).contains(reply);

            // Drafting made the reply a post answering this mention, and submitted it for clearance
            List<Map<String, Object>> posts = await().atMost(Journeys.PATIENCE).until(() -> platform
                    .as("dana", Component.DRAFTING).queryParam("author", "mo").queryParam("text", tag)
                    .get("/posts").then().statusCode(200).extract().jsonPath().getList("$"), p -> !p.isEmpty());
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0)).containsEntry("replyToMentionId", mentionId);
            assertThat(String.valueOf(posts.get(0).get("text"))).isEqualTo(reply);

            // ...and the mention's page follows it: drafted, waiting for a clearer
            await().atMost(Journeys.PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.go("/inbox/" + mentionId);
                WebElement state = browser.find(By.cssSelector("#replies .app-reply-state"));
                return state.getText().equals("Drafted");
            });
        }
    }
}
